namespace NewsBot.Core.Text;

/// <summary>What a person typed, quoted back in an answer: cut with "…" past a limit, so a long paste cannot swamp the reply.</summary>
public static class Quoted
{
    public static string Shorten(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= limit ? text : text[..limit] + "…";
    }
}
