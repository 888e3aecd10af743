using System.Security;

namespace NewsBot.Tests.Feeds;

/// <summary>Small RSS documents written on the fly for the fake feed sites.</summary>
internal static class FeedSamples
{
    public static readonly DateTimeOffset Published = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static string Rss(IEnumerable<(string Id, string Title, string Link)> items, int? ttlMinutes = null)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Fake wire</title><link>https://wire.example/</link>");
        if (ttlMinutes is { } ttl)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<ttl>{ttl}</ttl>");
        }

        var i = 0;
        foreach (var (id, title, link) in items)
        {
            var date = Published.AddMinutes(-10 * i++).ToString("r", CultureInfo.InvariantCulture);
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">{SecurityElement.Escape(id)}</guid><title>{SecurityElement.Escape(title)}</title><link>{SecurityElement.Escape(link)}</link><pubDate>{date}</pubDate><description>About {SecurityElement.Escape(title)}</description></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    public static string Rss(int count, string prefix = "story") =>
        Rss(Enumerable.Range(1, count).Select(n => ($"{prefix}-{n}", $"Story number {n} from {prefix}", $"https://wire.example/{prefix}/{n}")));
}
