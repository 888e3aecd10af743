namespace NewsBot.Feeds;

/// <summary>The characters that XML text and attribute values must carry as entities.</summary>
internal static class XmlEscapes
{
    /// <summary>The entity that stands for <paramref name="c"/> in XML, or null when it stands for itself.</summary>
    public static string? Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&apos;",
        _ => null,
    };
}
