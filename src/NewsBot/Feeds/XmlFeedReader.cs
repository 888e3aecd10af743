using System.Xml;

namespace NewsBot.Feeds;

/// <summary>
/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and Microsoft CDF in one forward pass over an
/// <see cref="XmlReader"/>, without building a tree. Elements are recognised by namespace, not by
/// prefix. An XML error or nesting beyond <see cref="FeedXmlSanitizer.MaxDepth"/> ends the reading,
/// and the items completed before it are kept. The root element picks the format's reader
/// (<see cref="RssReader"/>, <see cref="AtomReader"/>, <see cref="CdfReader"/>); items of every
/// format go through <see cref="FeedItemReader"/>.
/// </summary>
internal static class XmlFeedReader
{
    private const int MaxUndeclaredPrefixes = 32;

    /// <summary>Reads the document; never throws for anything in <paramref name="xml"/>.</summary>
    /// <returns>The feed, or null with <paramref name="rootError"/> when not even the root element could be read.</returns>
    public static RawFeed? Read(ReadOnlyMemory<char> xml, Uri? documentBase, int lineOffset, out string? rootError)
    {
        var undeclared = new List<string>();
        while (true)
        {
            try
            {
                return ReadOnce(xml, documentBase, lineOffset, undeclared, out rootError);
            }
            catch (UndeclaredPrefixException e) when (undeclared.Count < MaxUndeclaredPrefixes && !undeclared.Contains(e.Prefix))
            {
                // Declared for the next attempt, in a namespace of its own: the elements stay apart from the core ones.
                undeclared.Add(e.Prefix);
            }
        }
    }

    private static RawFeed? ReadOnce(ReadOnlyMemory<char> xml, Uri? documentBase, int lineOffset, List<string> undeclared, out string? rootError)
    {
        rootError = null;
        var names = new NameTable();
        var namespaces = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in FeedNamespaces.Predeclared)
        {
            namespaces.AddNamespace(prefix, uri);
        }

        foreach (var prefix in undeclared)
        {
            namespaces.AddNamespace(prefix, "urn:newsbot:undeclared:" + prefix);
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
            NameTable = names,
        };
        using var reader = XmlReader.Create(new MemoryTextReader(xml), settings, new XmlParserContext(names, namespaces, null, XmlSpace.None));
        var cursor = new FeedXmlCursor(reader);
        var feed = new RawFeedParts();
        try
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element)
            {
                rootError = StoredText.Of("feedError.noRoot");
                return null;
            }
        }
        catch (XmlException e)
        {
            ThrowIfUndeclaredPrefix(e);
            rootError = FeedParser.DescribeXmlError(e, lineOffset);
            return null;
        }

        var rootName = reader.LocalName;
        var rootNamespace = reader.NamespaceURI;
        var version = reader.GetAttribute("version");
        var declarations = NamespaceDeclarations(reader);
        string? error = null;
        try
        {
            var rootBase = cursor.BaseOf(documentBase);
            switch (rootName)
            {
                case "rss" or "RDF":
                    RssReader.ReadContainer(cursor, feed, rootBase, top: true);
                    break;
                case "feed":
                    AtomReader.ReadFeed(cursor, feed, rootBase);
                    break;
                case var cdf when cdf.Equals("channel", StringComparison.OrdinalIgnoreCase):
                    CdfReader.ReadChannel(cursor, feed, rootBase, top: true);
                    break;
            }
        }
        catch (XmlException e)
        {
            ThrowIfUndeclaredPrefix(e);
            error = FeedParser.DescribeXmlError(e, lineOffset);
        }
        catch (FeedXmlCursor.TooDeepException)
        {
            error = StoredText.Of("feedError.tooDeep", ("max", FeedXmlSanitizer.MaxDepth));
        }

        return new RawFeed(rootName, rootNamespace, version, declarations, feed.Title, feed.SiteLinks, feed.Ttl, feed.Author, feed.Items, error);
    }

    private static void ThrowIfUndeclaredPrefix(XmlException e)
    {
        const string Marker = "is an undeclared prefix";
        var message = e.Message;
        if (!message.Contains(Marker, StringComparison.Ordinal))
        {
            return;
        }

        var open = message.IndexOf('\'', StringComparison.Ordinal);
        var close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
        if (close > open + 1)
        {
            throw new UndeclaredPrefixException(message[(open + 1)..close]);
        }
    }

    private static HashSet<string> NamespaceDeclarations(XmlReader reader)
    {
        var declarations = new HashSet<string>(StringComparer.Ordinal);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix == "xmlns" || reader.Name == "xmlns")
                {
                    declarations.Add(reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        return declarations;
    }

    private sealed class UndeclaredPrefixException(string prefix) : Exception
    {
        public string Prefix { get; } = prefix;
    }
}
