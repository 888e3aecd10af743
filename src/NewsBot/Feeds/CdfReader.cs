namespace NewsBot.Feeds;

/// <summary>
/// Reads Microsoft's Channel Definition Format: a <c>CHANNEL</c> (nested channels allowed) of
/// <c>ITEM</c>s that carry their link in <c>HREF</c>, their date in <c>LASTMOD</c> and their
/// summary in <c>ABSTRACT</c>. Element and attribute names are matched in any case.
/// </summary>
internal static class CdfReader
{
    /// <summary>Reads the current CHANNEL element; leaves the reader after it.</summary>
    /// <param name="top">The document's own channel, whose title and link are the feed's.</param>
    public static void ReadChannel(FeedXmlCursor cursor, RawFeedParts feed, Uri? inherited, bool top)
    {
        if (top && Href(cursor) is { } href && !string.IsNullOrWhiteSpace(href))
        {
            feed.SiteLinks.Add(new RawLink(null, null, href, inherited));
        }

        cursor.ForEachChild(() =>
        {
            var elementBase = cursor.BaseOf(inherited);
            switch (cursor.Name.ToUpperInvariant())
            {
                case "TITLE" when top:
                    feed.Title = FeedXmlCursor.First(feed.Title, TextConstructReader.Read(cursor, elementBase, TextKind.Guess));
                    break;
                case "CHANNEL":
                    ReadChannel(cursor, feed, elementBase, top: false);
                    break;
                case "ITEM":
                    feed.Items.Add(ReadItem(cursor, elementBase));
                    break;
                default:
                    cursor.Skip();
                    break;
            }
        });
    }

    private static RawFeedItem ReadItem(FeedXmlCursor cursor, Uri? elementBase)
    {
        var item = new RawFeedItem();
        if (Href(cursor) is { } href && !string.IsNullOrWhiteSpace(href))
        {
            item.Links.Add(new RawLink(null, null, href.Trim(), elementBase));
        }

        item.Published = cursor.Attribute("LASTMOD") ?? cursor.Attribute("lastmod");
        cursor.ForEachChild(() =>
        {
            switch (cursor.Name.ToUpperInvariant())
            {
                case "TITLE":
                    item.Title = FeedXmlCursor.First(item.Title, TextConstructReader.Read(cursor, elementBase, TextKind.Guess));
                    break;
                case "ABSTRACT":
                    item.Description = FeedXmlCursor.First(item.Description, TextConstructReader.Read(cursor, elementBase, TextKind.Html));
                    break;
                default:
                    cursor.Skip();
                    break;
            }
        });
        return item;
    }

    private static string? Href(FeedXmlCursor cursor) => cursor.Attribute("HREF") ?? cursor.Attribute("href");
}
