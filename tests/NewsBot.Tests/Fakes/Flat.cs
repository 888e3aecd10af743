using System.Text.RegularExpressions;

namespace NewsBot.Tests.Fakes;

/// <summary>Rendered text with its line wrapping undone, so a test can look for a whole sentence.</summary>
public static partial class Flat
{
    public static string Text(string? rendered) => rendered is null ? string.Empty : Whitespace().Replace(rendered, " ");

    public static async Task<string> Of(Task<string?> answer) => Text(await answer);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
