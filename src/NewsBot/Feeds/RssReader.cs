namespace NewsBot.Feeds;

/// <summary>
/// Reads RSS 0.9x/2.0 (<c>rss</c>, its <c>channel</c> and <c>item</c>s) and RSS 1.0 (an
/// <c>rdf:RDF</c> whose items stand beside the channel instead of inside it).
/// </summary>
internal static class RssReader
{
    /// <summary>Reads the children of the root or a channel; leaves the reader after it.</summary>
    /// <param name="top">The feed-level elements found here are the feed's (the first channel only).</param>
    public static void ReadContainer(FeedXmlCursor cursor, RawFeedParts feed, Uri? inherited, bool top)
    {
        cursor.ForEachChild(() =>
        {
            var kind = cursor.Kind();
            var name = cursor.Name;
            var elementBase = cursor.BaseOf(inherited);
            if (kind == FeedNamespace.Core && name == "channel")
            {
                ReadContainer(cursor, feed, elementBase, top);
                top = false;
            }
            else if (kind == FeedNamespace.Core && name == "item")
            {
                feed.Items.Add(FeedItemReader.Read(cursor, elementBase, atom: false));
            }
            else if (top && kind is FeedNamespace.Core or FeedNamespace.Atom or FeedNamespace.DublinCore)
            {
                FeedHeadReader.ReadField(cursor, feed, kind, elementBase, atom: false);
            }
            else
            {
                cursor.Skip();
            }
        });
    }
}
