using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace NewsBot.Benchmarks.Ingest;

internal enum FeedFormat
{
    Rss,
    Atom,
    JsonFeed,
}

/// <summary>One feed document as the site serves it.</summary>
/// <param name="ETag">A strong validator derived from the bytes, quoted as in the header.</param>
/// <param name="LastModified">The newest item's publication time, to the second.</param>
internal sealed record GeneratedFeed(int Source, FeedFormat Format, byte[] Content, string ContentType, string ETag, DateTimeOffset LastModified, int Items);

/// <summary>
/// Deterministic feed documents for the <c>ingest</c> scenario, shaped like what publishing
/// software really emits: WordPress-style RSS 2.0 (HTML descriptions in CDATA or entity-escaped,
/// <c>content:encoded</c>, <c>dc:creator</c>, categories, <c>media:content</c> images, tracking
/// parameters on links, tracking pixels), Atom with HTML summaries and JSON Feed 1.1. About one
/// item in ten reports a story several sources publish at the same time. Every item is a pure
/// function of the seed, its source and its number, so a window of items (a feed copy) can be
/// rebuilt byte for byte anywhere: in the site process and, for the parse baseline, in the
/// benchmark process.
/// </summary>
internal sealed class FeedGenerator
{
    /// <summary>Item 0 of every source would have been published at this time; item k, k × <see cref="ItemSpacing"/> later.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan ItemSpacing = TimeSpan.FromMinutes(2);

    /// <summary>The topics of the repository's appsettings.json, which the classifier is configured with.</summary>
    public static readonly IReadOnlyList<string> TopicNames = ["technology", "science", "business", "health", "sports", "culture", "climate"];

    /// <summary>The vocabulary size of the commands scenario's synthetic news.</summary>
    public const int DefaultVocabularySize = 4_000;

    private const double StoryShare = 0.1;
    private const int StoriesPerSlot = 20;

    private static readonly string[] NameEndings =
        ["Times", "Post", "Journal", "Wire", "Daily", "Review", "Herald", "Gazette", "Chronicle", "Tribune", "Observer", "Dispatch", "Report", "Notes", "Blog"];

    private static readonly string[] Zones = ["+0000", "GMT", "-0500", "+0100", "+0200", "-0800"];

    private static readonly Dictionary<string, TimeSpan> ZoneOffsets = new(StringComparer.Ordinal)
    {
        ["+0000"] = TimeSpan.Zero,
        ["GMT"] = TimeSpan.Zero,
        ["-0500"] = TimeSpan.FromHours(-5),
        ["+0100"] = TimeSpan.FromHours(1),
        ["+0200"] = TimeSpan.FromHours(2),
        ["-0800"] = TimeSpan.FromHours(-8),
    };

    private readonly int _seed;
    private readonly Vocabulary _vocabulary;

    public FeedGenerator(int seed, int itemsPerSource, int vocabularySize = DefaultVocabularySize)
    {
        _seed = seed;
        ItemsPerSource = itemsPerSource;
        _vocabulary = new Vocabulary(vocabularySize, seed);
    }

    public int ItemsPerSource { get; }

    /// <summary>The site path of a source's feed.</summary>
    public string PathOf(int source) => Describe(source).Format switch
    {
        FeedFormat.Atom => Invariant($"/feeds/{source}.atom"),
        FeedFormat.JsonFeed => Invariant($"/feeds/{source}.json"),
        _ => Invariant($"/feeds/{source}.xml"),
    };

    public FeedFormat FormatOf(int source) => Describe(source).Format;

    public string NameOf(int source) => Describe(source).Name;

    /// <summary>The topics the source is added with (about one source in four has one).</summary>
    public IReadOnlyList<string> TopicsOf(int source) => Describe(source).Topic is { } topic ? [topic] : [];

    public static DateTimeOffset PublishedAt(int source, int item) =>
        Epoch + (item * ItemSpacing) + TimeSpan.FromSeconds(source % 97);

    /// <summary>The feed copy listing items <paramref name="firstItem"/> to <paramref name="firstItem"/> + items − 1, newest first.</summary>
    public GeneratedFeed Generate(int source, int firstItem)
    {
        var profile = Describe(source);
        var lastItem = firstItem + ItemsPerSource - 1;
        var items = new List<Item>(ItemsPerSource);
        for (var k = lastItem; k >= firstItem; k--)
        {
            items.Add(MakeItem(profile, k));
        }

        var newest = PublishedAt(source, lastItem);
        var (content, contentType) = profile.Format switch
        {
            FeedFormat.Atom => (Encoding.UTF8.GetBytes(WriteAtom(profile, items, newest)), "application/atom+xml; charset=utf-8"),
            FeedFormat.JsonFeed => (WriteJson(profile, items), "application/feed+json; charset=utf-8"),
            _ => (Encoding.UTF8.GetBytes(WriteRss(profile, items, newest)), "application/rss+xml; charset=utf-8"),
        };

        return new GeneratedFeed(source, profile.Format, content, contentType, ETagOf(content), TruncateToSeconds(newest), items.Count);
    }

    /// <summary>The strong ETag the site sends for these bytes.</summary>
    public static string ETagOf(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(content, digest);
        return "\"" + Convert.ToHexStringLower(digest[..10]) + "\"";
    }

    private SourceProfile Describe(int source)
    {
        var random = new Random(Mix(_seed, source, -1));
        var roll = random.NextDouble();
        var format = roll < 0.80 ? FeedFormat.Rss : roll < 0.95 ? FeedFormat.Atom : FeedFormat.JsonFeed;
        var first = Word(random, 150);
        var second = Word(random, 150);
        var name = Capitalize(first) + " " + Capitalize(second) + " " + NameEndings[random.Next(NameEndings.Length)];
        var host = Invariant($"{first}{second}{source}.example");
        var topic = random.NextDouble() < 0.25 ? TopicNames[random.Next(TopicNames.Count)] : null;
        return new SourceProfile(
            source,
            format,
            name,
            host,
            topic,
            CData: random.NextDouble() < 0.6,
            ContentEncoded: random.NextDouble() < 0.25,
            TrackingParameters: random.NextDouble() < 0.3,
            Guid: (GuidStyle)random.Next(3),
            Author: (AuthorStyle)random.Next(3),
            Zone: Zones[random.Next(Zones.Length)],
            Media: random.NextDouble() < 0.75,
            Pixel: random.NextDouble() < 0.2,
            Categories: [.. Enumerable.Range(0, 8).Select(_ => random.NextDouble() < 0.3 ? Capitalize(TopicNames[random.Next(TopicNames.Count)]) : Capitalize(Word(random, 60)))],
            Authors: [.. Enumerable.Range(0, 4).Select(_ => Capitalize(Word(random, 300)) + " " + Capitalize(Word(random, 300)))]);
    }

    private Item MakeItem(SourceProfile source, int number)
    {
        var random = new Random(Mix(_seed, source.Number, number));
        string title;
        string lead;
        if (random.NextDouble() < StoryShare)
        {
            // Sources publishing at the same time pick from the same few stories: "one story, many sources".
            var story = new Random(Mix(_seed, -7, (number * StoriesPerSlot) + random.Next(StoriesPerSlot)));
            title = Sentence(story, story.Next(8, 13), period: false);
            lead = Sentence(story, story.Next(12, 19), period: true);
            title = random.Next(2) == 0 ? title : title + " " + Word(random, 400);
        }
        else
        {
            title = Sentence(random, random.Next(7, 13), period: false);
            lead = Sentence(random, random.Next(12, 19), period: true);
        }

        // Curly apostrophes are common in titles; the writers encode them the way WordPress does.
        if (random.NextDouble() < 0.2)
        {
            var space = title.IndexOf(' ', StringComparison.Ordinal);
            title = space < 0 ? title : string.Concat(title.AsSpan(0, space), "\u2019s", title.AsSpan(space));
        }

        var slug = string.Join('-', title.Replace("\u2019", "", StringComparison.Ordinal).Split(' ').Take(5)).ToLowerInvariant();
        var published = PublishedAt(source.Number, number);
        var path = Invariant($"/{published:yyyy/MM/dd}/{slug}-{number}/");
        var link = "https://" + source.Host + path + (source.TrackingParameters ? "?utm_source=rss&utm_medium=rss&utm_campaign=" + slug : "");
        var image = Invariant($"https://{source.Host}/wp-content/uploads/{published:yyyy/MM}/{slug}-{number}-1200x675.jpg");
        var categories = Enumerable.Range(0, random.Next(2, 5)).Select(_ => source.Categories[random.Next(source.Categories.Length)]).Distinct().ToList();
        var author = source.Authors[random.Next(source.Authors.Length)];

        var html = new StringBuilder(1400);
        if (!source.Media)
        {
            html.Append(Invariant($"<p><img src=\"{image}\" alt=\"{slug}\" width=\"1200\" height=\"675\" class=\"wp-post-image\" /></p>"));
        }

        var tag = Word(random, 500);
        html.Append("<p>").Append(lead).Append(' ')
            .Append(Invariant($"<a href=\"https://{source.Host}/tag/{tag}/\">{Capitalize(tag)}</a> "))
            .Append(Sentence(random, random.Next(8, 13), period: true)).Append(' ')
            .Append("<strong>").Append(Sentence(random, 3, period: false)).Append("</strong> ")
            .Append(Sentence(random, random.Next(5, 10), period: false)).Append(" &amp; ")
            .Append(Sentence(random, random.Next(3, 7), period: false)).Append("&#8217;s ")
            .Append(Sentence(random, random.Next(3, 6), period: true)).Append("</p>");
        html.Append("<p>").Append(Sentence(random, random.Next(6, 13), period: true)).Append(' ')
            .Append("<em>").Append(Sentence(random, random.Next(2, 5), period: false)).Append("</em>&nbsp;&mdash; ")
            .Append(Sentence(random, random.Next(4, 9), period: true)).Append("</p>");
        html.Append("<p>The post <a href=\"").Append(link.Replace("&", "&amp;", StringComparison.Ordinal)).Append("\">").Append(title)
            .Append("</a> appeared first on <a href=\"https://").Append(source.Host).Append("/\">").Append(source.Name).Append("</a>.</p>");
        if (source.Pixel)
        {
            html.Append(Invariant($"<img src=\"https://feeds.{source.Host}/~r/{number}.gif\" height=\"1\" width=\"1\" alt=\"\"/>"));
        }

        string description;
        string? content = null;
        if (source.ContentEncoded)
        {
            // A short teaser as the description and the whole post as content (content:encoded in RSS).
            description = "<p>" + lead + " [&#8230;]</p>";
            content = html.Append("<p>").Append(Sentence(random, random.Next(8, 15), period: true)).Append("</p>").ToString();
        }
        else
        {
            description = html.ToString();
        }

        var id = source.Guid switch
        {
            GuidStyle.Permalink => link,
            GuidStyle.PostId => Invariant($"https://{source.Host}/?p={(source.Number * 10_000) + number}"),
            _ => Invariant($"urn:uuid:{new Guid(Mix(_seed, source.Number, number), (short)number, (short)source.Number, 0, 0, 0, 0, 0, 0, 0, 0)}"),
        };

        return new Item(number, title, lead, link, id, published, author, categories, description, content, image);
    }

    private static string WriteRss(SourceProfile source, List<Item> items, DateTimeOffset newest)
    {
        var xml = new StringBuilder(items.Count * 1700);
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.Append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" ")
            .Append("xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n");
        xml.Append("\t<title>").Append(Escape(source.Name)).Append("</title>\n");
        xml.Append("\t<atom:link href=\"https://").Append(source.Host).Append("/feed/\" rel=\"self\" type=\"application/rss+xml\" />\n");
        xml.Append("\t<link>https://").Append(source.Host).Append("/</link>\n");
        xml.Append("\t<description>News and analysis from ").Append(Escape(source.Name)).Append("</description>\n");
        xml.Append("\t<lastBuildDate>").Append(Rfc822(newest, source.Zone)).Append("</lastBuildDate>\n");
        xml.Append("\t<language>en-US</language>\n\t<generator>https://wordpress.org/?v=6.7.1</generator>\n");
        foreach (var item in items)
        {
            xml.Append("\t<item>\n\t\t<title>").Append(Escape(item.Title).Replace("\u2019", "&#8217;", StringComparison.Ordinal)).Append("</title>\n");
            xml.Append("\t\t<link>").Append(Escape(item.Link)).Append("</link>\n");
            switch (source.Author)
            {
                case AuthorStyle.Creator:
                    xml.Append("\t\t<dc:creator><![CDATA[").Append(item.Author).Append("]]></dc:creator>\n");
                    break;
                case AuthorStyle.Email:
                    xml.Append("\t\t<author>").Append(item.Author.Replace(' ', '.').ToLowerInvariant()).Append('@').Append(source.Host)
                        .Append(" (").Append(item.Author).Append(")</author>\n");
                    break;
                default:
                    break;
            }

            xml.Append("\t\t<pubDate>").Append(Rfc822(item.Published, source.Zone)).Append("</pubDate>\n");
            foreach (var category in item.Categories)
            {
                xml.Append("\t\t<category><![CDATA[").Append(category).Append("]]></category>\n");
            }

            xml.Append("\t\t<guid isPermaLink=\"").Append(source.Guid == GuidStyle.Permalink ? "true" : "false").Append("\">")
                .Append(Escape(item.Id)).Append("</guid>\n");
            AppendHtml(xml, "description", item.Description, source.CData);
            if (item.Content is not null)
            {
                AppendHtml(xml, "content:encoded", item.Content, cdata: true);
            }

            if (source.Media)
            {
                xml.Append("\t\t<media:content url=\"").Append(item.Image).Append("\" medium=\"image\" type=\"image/jpeg\" width=\"1200\" height=\"675\">\n")
                    .Append("\t\t\t<media:title type=\"plain\">").Append(Escape(item.Title)).Append("</media:title>\n\t\t</media:content>\n");
                xml.Append("\t\t<media:thumbnail url=\"").Append(item.Image.Replace("1200x675", "300x169", StringComparison.Ordinal)).Append("\" />\n");
            }

            xml.Append("\t</item>\n");
        }

        xml.Append("</channel>\n</rss>\n");
        return xml.ToString();
    }

    private static string WriteAtom(SourceProfile source, List<Item> items, DateTimeOffset newest)
    {
        var xml = new StringBuilder(items.Count * 1700);
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.Append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:media=\"http://search.yahoo.com/mrss/\" xml:lang=\"en\">\n");
        xml.Append("  <title>").Append(Escape(source.Name)).Append("</title>\n");
        xml.Append("  <subtitle>News and analysis from ").Append(Escape(source.Name)).Append("</subtitle>\n");
        xml.Append("  <link rel=\"alternate\" type=\"text/html\" href=\"https://").Append(source.Host).Append("/\"/>\n");
        xml.Append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"https://").Append(source.Host).Append("/feed.atom\"/>\n");
        xml.Append("  <id>tag:").Append(source.Host).Append(",2026:feed</id>\n");
        xml.Append("  <updated>").Append(Rfc3339(newest)).Append("</updated>\n");
        foreach (var item in items)
        {
            xml.Append("  <entry>\n    <title type=\"html\">").Append(Escape(item.Title.Replace("\u2019", "&#8217;", StringComparison.Ordinal))).Append("</title>\n");
            xml.Append("    <link rel=\"alternate\" type=\"text/html\" href=\"").Append(Escape(item.Link)).Append("\"/>\n");
            xml.Append("    <id>tag:").Append(source.Host).Append(",2026:").Append(item.Number.ToString(CultureInfo.InvariantCulture)).Append("</id>\n");
            xml.Append("    <published>").Append(Rfc3339(item.Published)).Append("</published>\n");
            xml.Append("    <updated>").Append(Rfc3339(item.Published + TimeSpan.FromMinutes(5))).Append("</updated>\n");
            xml.Append("    <author><name>").Append(Escape(item.Author)).Append("</name></author>\n");
            foreach (var category in item.Categories)
            {
                xml.Append("    <category term=\"").Append(Escape(category)).Append("\"/>\n");
            }

            xml.Append("    <summary type=\"html\">").Append(Escape(item.Description)).Append("</summary>\n");
            if (item.Content is not null)
            {
                xml.Append("    <content type=\"html\">").Append(Escape(item.Content)).Append("</content>\n");
            }

            if (source.Media)
            {
                xml.Append("    <media:thumbnail url=\"").Append(item.Image).Append("\" width=\"1200\" height=\"675\"/>\n");
            }

            xml.Append("  </entry>\n");
        }

        xml.Append("</feed>\n");
        return xml.ToString();
    }

    private static byte[] WriteJson(SourceProfile source, List<Item> items)
    {
        var buffer = new ArrayBufferWriter<byte>(items.Count * 1800);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", source.Name);
            json.WriteString("home_page_url", "https://" + source.Host + "/");
            json.WriteString("feed_url", "https://" + source.Host + "/feed.json");
            json.WriteString("language", "en");
            json.WriteStartArray("items");
            foreach (var item in items)
            {
                json.WriteStartObject();
                json.WriteString("id", item.Id);
                json.WriteString("url", item.Link);
                json.WriteString("title", item.Title);
                json.WriteString("content_html", item.Content ?? item.Description);
                if (item.Content is not null)
                {
                    json.WriteString("summary", item.Lead);
                }

                if (source.Media)
                {
                    json.WriteString("image", item.Image);
                }

                json.WriteString("date_published", Rfc3339(item.Published));
                json.WriteStartArray("authors");
                json.WriteStartObject();
                json.WriteString("name", item.Author);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartArray("tags");
                foreach (var category in item.Categories)
                {
                    json.WriteStringValue(category);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void AppendHtml(StringBuilder xml, string element, string html, bool cdata)
    {
        xml.Append("\t\t<").Append(element).Append('>');
        if (cdata)
        {
            xml.Append("<![CDATA[").Append(html).Append("]]>");
        }
        else
        {
            xml.Append(Escape(html));
        }

        xml.Append("</").Append(element).Append(">\n");
    }

    private string Sentence(Random random, int words, bool period)
    {
        var text = new StringBuilder(words * 8);
        for (var i = 0; i < words; i++)
        {
            var word = _vocabulary.Draw(random);
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(i == 0 ? Capitalize(word) : word);
        }

        return period ? text.Append('.').ToString() : text.ToString();
    }

    /// <summary>A word outside the <paramref name="skip"/> most frequent ones, for names and tags.</summary>
    private string Word(Random random, int skip) => _vocabulary.Words[random.Next(Math.Min(skip, _vocabulary.Count - 1), _vocabulary.Count)];

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Rfc822(DateTimeOffset time, string zone) =>
        time.ToOffset(ZoneOffsets[zone]).ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " " + zone;

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Capitalize(string word) => string.Concat(word[..1].ToUpperInvariant(), word.AsSpan(1));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fixed integer hash (HashCode is randomised per process, and both processes must agree).</summary>
    private static int Mix(int a, int b, int c)
    {
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var value in (ReadOnlySpan<int>)[a, b, c])
        {
            h ^= (uint)value;
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
        }

        return (int)(h & int.MaxValue);
    }

    private enum GuidStyle
    {
        Permalink,
        PostId,
        Urn,
    }

    private enum AuthorStyle
    {
        Creator,
        Email,
        None,
    }

    private sealed record SourceProfile(
        int Number,
        FeedFormat Format,
        string Name,
        string Host,
        string? Topic,
        bool CData,
        bool ContentEncoded,
        bool TrackingParameters,
        GuidStyle Guid,
        AuthorStyle Author,
        string Zone,
        bool Media,
        bool Pixel,
        string[] Categories,
        string[] Authors);

    private sealed record Item(
        int Number,
        string Title,
        string Lead,
        string Link,
        string Id,
        DateTimeOffset Published,
        string Author,
        IReadOnlyList<string> Categories,
        string Description,
        string? Content,
        string Image);
}
