using System.Collections.Frozen;

namespace NewsBot.Feeds;

/// <summary>What HTML's elements mean for the text extractor: hidden, void, block, and which ends are implied.</summary>
internal static class HtmlElements
{
    // Their content is never text: scripts, styles, embedded frames and plug-ins with their fallback, templates.
    public static readonly FrozenSet<string> RawText = FrozenSet.Create(
        StringComparer.Ordinal,
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea");

    // Their content is kept out of the text, but they are parsed as elements.
    public static readonly FrozenSet<string> Hidden = FrozenSet.Create(
        StringComparer.Ordinal,
        "template", "object", "applet", "head", "title", "video", "audio", "canvas", "select", "datalist",
        "desc", "metadata", "annotation-xml", "map");

    public static readonly FrozenSet<string> Void = FrozenSet.Create(
        StringComparer.Ordinal,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "frame", "basefont", "bgsound", "image");

    public static readonly FrozenSet<string> Block = FrozenSet.Create(
        StringComparer.Ordinal,
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "ul", "ol",
        "table", "section", "article", "header", "footer", "figure", "figcaption", "dl", "dt", "dd",
        "hr", "address", "aside", "nav", "main", "details", "summary", "caption", "form", "fieldset",
        "center", "dir", "menu", "legend", "hgroup", "listing", "plaintext", "body", "html", "tbody", "thead", "tfoot", "search");

    // A new one of these closes the open one of the same kind, as HTML's optional end tags mean.
    public static readonly FrozenDictionary<string, string[]> ImpliedEnds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["p"] = ["p"],
        ["li"] = ["li"],
        ["dt"] = ["dt", "dd"],
        ["dd"] = ["dt", "dd"],
        ["tr"] = ["tr", "td", "th"],
        ["td"] = ["td", "th"],
        ["th"] = ["td", "th"],
        ["option"] = ["option"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // An implied end never closes an element beyond one of these.
    public static readonly FrozenSet<string> ScopeBoundaries = FrozenSet.Create(
        StringComparer.Ordinal,
        "ul", "ol", "dl", "table", "div", "blockquote", "section", "article", "td", "th", "body", "html", "menu", "select", "svg", "math");

    /// <summary>Elements whose text keeps its spaces and line breaks.</summary>
    public static bool IsPreformatted(string name) => name is "pre" or "listing" or "plaintext";

    /// <summary>Inline elements that still stand apart from their neighbours' words: table cells, pictures.</summary>
    public static bool IsSpaced(string name) => name is "td" or "th" or "svg";
}
