namespace NewsBot.Core.Search;

/// <summary>
/// A source's name as <c>source:</c> compares it: its words as search reads them, so
/// <c>source:"daily circuit"</c> and <c>source:"Daily Circuit"</c> name the same source.
/// </summary>
public static class SourceNameKey
{
    public static string Of(string? name) => string.Join(' ', TextTokenizer.Tokenize(name));
}
