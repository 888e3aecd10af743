namespace NewsBot.Feeds;

/// <summary>The feed-level elements an RSS channel and an Atom feed share: title, site link, ttl and author.</summary>
internal static class FeedHeadReader
{
    /// <summary>Reads the current element into <paramref name="feed"/> when it is one of them; skips it otherwise.</summary>
    /// <param name="kind">The element's vocabulary: Dublin Core gives no link, only RSS a ttl.</param>
    /// <param name="atom">The feed is Atom: untyped titles are plain text, and an author counts.</param>
    public static void ReadField(FeedXmlCursor cursor, RawFeedParts feed, FeedNamespace kind, Uri? elementBase, bool atom)
    {
        switch (cursor.Name)
        {
            case "title":
                var title = TextConstructReader.Read(cursor, elementBase, atom || kind == FeedNamespace.Atom ? TextKind.Plain : TextKind.Guess);
                feed.Title ??= title;
                break;
            case "link" when kind != FeedNamespace.DublinCore:
                cursor.ReadLink(elementBase, feed.SiteLinks);
                break;
            case "ttl" when kind == FeedNamespace.Core:
                feed.Ttl = FeedXmlCursor.First(feed.Ttl, cursor.ReadPlain());
                break;
            case "author" when atom:
                feed.Author = FeedXmlCursor.First(feed.Author, cursor.ReadPerson());
                break;
            default:
                cursor.Skip();
                break;
        }
    }
}
