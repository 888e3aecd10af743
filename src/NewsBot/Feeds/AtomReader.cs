namespace NewsBot.Feeds;

/// <summary>Reads an Atom 0.3/1.0 <c>feed</c>: its own elements and its <c>entry</c>s.</summary>
internal static class AtomReader
{
    /// <summary>Reads the children of the feed element; leaves the reader after it.</summary>
    public static void ReadFeed(FeedXmlCursor cursor, RawFeedParts feed, Uri? inherited)
    {
        cursor.ForEachChild(() =>
        {
            var kind = cursor.Kind();
            var elementBase = cursor.BaseOf(inherited);
            if (kind is FeedNamespace.Atom or FeedNamespace.Core && cursor.Name == "entry")
            {
                feed.Items.Add(FeedItemReader.Read(cursor, elementBase, atom: true));
            }
            else if (kind is FeedNamespace.Atom or FeedNamespace.Core or FeedNamespace.DublinCore)
            {
                FeedHeadReader.ReadField(cursor, feed, kind, elementBase, atom: true);
            }
            else
            {
                cursor.Skip();
            }
        });
    }
}
