using System.Xml;
using System.Xml.Linq;

namespace NewsBot.Feeds;

/// <summary>Reads and writes OPML subscription lists, the format every feed reader exports.</summary>
internal static class Opml
{
    public sealed record Outline(string Title, string Url, IReadOnlyList<string> Topics);

    /// <summary>The feeds in an OPML document: every outline with an xmlUrl; folder names and categories become topics.</summary>
    /// <exception cref="FormatException">The document is not OPML.</exception>
    public static IReadOnlyList<Outline> Read(Stream stream)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CheckCharacters = false };
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"This is not a readable OPML file: {ex.Message}", ex);
        }

        if (document.Root?.Name.LocalName != "opml")
        {
            throw new FormatException($"This is not an OPML file: its root element is <{document.Root?.Name.LocalName}>, not <opml>.");
        }

        var body = document.Root.Element("body") ?? throw new FormatException("This OPML file has no <body>.");
        var found = new List<Outline>();
        Walk(body, [], found);
        return found;
    }

    public static void Write(Stream stream, IEnumerable<FeedSource> sources, DateTimeOffset now)
    {
        var body = new XElement("body");
        foreach (var source in sources)
        {
            var outline = new XElement(
                "outline",
                new XAttribute("type", "rss"),
                new XAttribute("text", source.Name),
                new XAttribute("title", source.Name),
                new XAttribute("xmlUrl", source.FetchUrl));
            if (source.Topics.Count > 0)
            {
                outline.Add(new XAttribute("category", string.Join(',', source.Topics)));
            }

            body.Add(outline);
        }

        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "opml",
                new XAttribute("version", "2.0"),
                new XElement("head", new XElement("title", "NewsBot sources"), new XElement("dateCreated", now.ToString("r", CultureInfo.InvariantCulture))),
                body));
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        document.Save(writer);
    }

    private static void Walk(XElement parent, IReadOnlyList<string> folderTopics, List<Outline> found)
    {
        foreach (var outline in parent.Elements("outline"))
        {
            var title = (string?)outline.Attribute("title") ?? (string?)outline.Attribute("text") ?? string.Empty;
            var url = ((string?)outline.Attribute("xmlUrl"))?.Trim();
            if (string.IsNullOrEmpty(url))
            {
                // A folder: its name is a topic for everything inside.
                var folder = TopicOf(title);
                Walk(outline, folder is null ? folderTopics : [.. folderTopics, folder], found);
                continue;
            }

            var categories = ((string?)outline.Attribute("category") ?? string.Empty)
                .Split([',', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(TopicOf)
                .OfType<string>();
            var topics = folderTopics.Concat(categories).Distinct(StringComparer.Ordinal).ToList();
            found.Add(new Outline(title.Trim(), url, topics));
        }
    }

    private static string? TopicOf(string name)
    {
        var topic = string.Join('-', name.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return topic.Length is > 0 and <= 40 ? topic : null;
    }
}
