using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsBot.Feeds;

/// <summary>What the streaming reader found in an XML feed, before normalisation.</summary>
/// <param name="Error">Why reading stopped before the end (an XML error, too deep), or null when it read it all.</param>
internal sealed record RawFeed(
    string RootName,
    string RootNamespace,
    string? Version,
    IReadOnlySet<string> RootDeclarations,
    RawText? Title,
    IReadOnlyList<RawLink> SiteLinks,
    string? Ttl,
    string? Author,
    IReadOnlyList<RawFeedItem> Items,
    string? Error);

/// <summary>
/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and Microsoft CDF in one forward pass over an
/// <see cref="XmlReader"/>, without building a tree. Elements are recognised by namespace, not by
/// prefix. An XML error or nesting beyond <see cref="FeedXmlSanitizer.MaxDepth"/> ends the reading,
/// and the items completed before it are kept.
/// </summary>
internal sealed class XmlFeedReader
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string RdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const int MaxUndeclaredPrefixes = 32;

    private static readonly string[] VoidElements = ["area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

    private readonly XmlReader _reader;
    private readonly Dictionary<string, FeedNamespace> _kinds = new(ReferenceEqualityComparer.Instance);
    private readonly List<RawFeedItem> _items = [];
    private readonly List<RawLink> _siteLinks = [];
    private RawText? _title;
    private string? _ttl;
    private string? _author;

    private XmlFeedReader(XmlReader reader) => _reader = reader;

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
        var feed = new XmlFeedReader(reader);
        try
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element)
            {
                rootError = "XML error: the document has no root element";
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
        var declarations = feed.NamespaceDeclarations();
        string? error = null;
        try
        {
            var rootBase = feed.BaseOf(documentBase);
            switch (rootName)
            {
                case "rss" or "RDF":
                    feed.ReadRssContainer(rootBase, top: true);
                    break;
                case "feed":
                    feed.ReadAtomFeed(rootBase);
                    break;
                case var cdf when cdf.Equals("channel", StringComparison.OrdinalIgnoreCase):
                    feed.ReadCdfChannel(rootBase, top: true);
                    break;
            }
        }
        catch (XmlException e)
        {
            ThrowIfUndeclaredPrefix(e);
            error = FeedParser.DescribeXmlError(e, lineOffset);
        }
        catch (TooDeepException)
        {
            error = $"The document nests elements more than {FeedXmlSanitizer.MaxDepth} levels deep";
        }

        return new RawFeed(rootName, rootNamespace, version, declarations, feed._title, feed._siteLinks, feed._ttl, feed._author, feed._items, error);
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

    private HashSet<string> NamespaceDeclarations()
    {
        var declarations = new HashSet<string>(StringComparer.Ordinal);
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                if (_reader.Prefix == "xmlns" || _reader.Name == "xmlns")
                {
                    declarations.Add(_reader.Value);
                }
            }
            while (_reader.MoveToNextAttribute());
            _reader.MoveToElement();
        }

        return declarations;
    }

    private FeedNamespace Kind()
    {
        var uri = _reader.NamespaceURI;
        if (!_kinds.TryGetValue(uri, out var kind))
        {
            kind = FeedNamespaces.Classify(uri);
            _kinds[uri] = kind;
        }

        return kind;
    }

    /// <summary>The base URI for the current element: its xml:base resolved against the one in force.</summary>
    private Uri? BaseOf(Uri? inherited)
    {
        var value = _reader.GetAttribute("base", XmlNamespace);
        if (string.IsNullOrWhiteSpace(value))
        {
            return inherited;
        }

        value = value.Trim();
        if (inherited is not null && Uri.TryCreate(inherited, value, out var resolved))
        {
            return resolved;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var absolute) ? absolute : inherited;
    }

    private bool Advance()
    {
        if (!_reader.Read())
        {
            return false;
        }

        if (_reader.Depth > FeedXmlSanitizer.MaxDepth)
        {
            throw new TooDeepException();
        }

        return true;
    }

    /// <summary>Calls <paramref name="child"/> on each child element of the current one; leaves the reader after its end.</summary>
    private void ForEachChild(Action child)
    {
        var depth = _reader.Depth;
        if (_reader.IsEmptyElement)
        {
            Advance();
            return;
        }

        Advance();
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    Advance();
                    return;
                case XmlNodeType.Element:
                    child();
                    continue;
                case XmlNodeType.None:
                    throw new XmlException("Unexpected end of file");
                default:
                    if (!Advance())
                    {
                        throw new XmlException("Unexpected end of file");
                    }

                    continue;
            }
        }
    }

    private void Skip()
    {
        var depth = _reader.Depth;
        if (_reader.IsEmptyElement)
        {
            Advance();
            return;
        }

        while (Advance())
        {
            if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                Advance();
                return;
            }
        }

        throw new XmlException("Unexpected end of file");
    }

    private void ReadRssContainer(Uri? inherited, bool top)
    {
        ForEachChild(() =>
        {
            var kind = Kind();
            var name = _reader.LocalName;
            var elementBase = BaseOf(inherited);
            if (kind == FeedNamespace.Core && name == "channel")
            {
                ReadRssContainer(elementBase, top);
                top = false;
            }
            else if (kind == FeedNamespace.Core && name == "item")
            {
                var item = ReadItem(elementBase, atom: false);
                _items.Add(item);
            }
            else if (top && kind is FeedNamespace.Core or FeedNamespace.Atom or FeedNamespace.DublinCore)
            {
                ReadFeedField(kind, name, elementBase, atom: false);
            }
            else
            {
                Skip();
            }
        });
    }

    private void ReadAtomFeed(Uri? inherited)
    {
        ForEachChild(() =>
        {
            var kind = Kind();
            var name = _reader.LocalName;
            var elementBase = BaseOf(inherited);
            if (kind is FeedNamespace.Atom or FeedNamespace.Core && name == "entry")
            {
                _items.Add(ReadItem(elementBase, atom: true));
            }
            else if (kind is FeedNamespace.Atom or FeedNamespace.Core or FeedNamespace.DublinCore)
            {
                ReadFeedField(kind, name, elementBase, atom: true);
            }
            else
            {
                Skip();
            }
        });
    }

    private void ReadFeedField(FeedNamespace kind, string name, Uri? elementBase, bool atom)
    {
        switch (name)
        {
            case "title":
                var title = ReadText(elementBase, atom || kind == FeedNamespace.Atom ? TextKind.Plain : TextKind.Guess);
                if (kind != FeedNamespace.DublinCore || _title is null)
                {
                    _title ??= title;
                }

                break;
            case "link" when kind != FeedNamespace.DublinCore:
                ReadLink(elementBase, _siteLinks);
                break;
            case "ttl" when kind == FeedNamespace.Core:
                _ttl = First(_ttl, ReadPlain());
                break;
            case "author" when atom:
                _author = First(_author, ReadPerson());
                break;
            default:
                Skip();
                break;
        }
    }

    private void ReadCdfChannel(Uri? inherited, bool top)
    {
        if (top)
        {
            var href = _reader.GetAttribute("HREF") ?? _reader.GetAttribute("href");
            if (!string.IsNullOrWhiteSpace(href))
            {
                _siteLinks.Add(new RawLink(null, null, href, inherited));
            }
        }

        ForEachChild(() =>
        {
            var name = _reader.LocalName.ToUpperInvariant();
            var elementBase = BaseOf(inherited);
            switch (name)
            {
                case "TITLE" when top:
                    _title = First(_title, ReadText(elementBase, TextKind.Guess));
                    break;
                case "CHANNEL":
                    ReadCdfChannel(elementBase, top: false);
                    break;
                case "ITEM":
                    _items.Add(ReadCdfItem(elementBase));
                    break;
                default:
                    Skip();
                    break;
            }
        });
    }

    private RawFeedItem ReadCdfItem(Uri? elementBase)
    {
        var item = new RawFeedItem();
        var href = _reader.GetAttribute("HREF") ?? _reader.GetAttribute("href");
        if (!string.IsNullOrWhiteSpace(href))
        {
            item.Links.Add(new RawLink(null, null, href.Trim(), elementBase));
        }

        item.Published = _reader.GetAttribute("LASTMOD") ?? _reader.GetAttribute("lastmod");
        ForEachChild(() =>
        {
            switch (_reader.LocalName.ToUpperInvariant())
            {
                case "TITLE":
                    item.Title = First(item.Title, ReadText(elementBase, TextKind.Guess));
                    break;
                case "ABSTRACT":
                    item.Description = First(item.Description, ReadText(elementBase, TextKind.Html));
                    break;
                default:
                    Skip();
                    break;
            }
        });
        return item;
    }

    private RawFeedItem ReadItem(Uri? itemBase, bool atom)
    {
        var item = new RawFeedItem
        {
            // RSS 1.0 items name themselves with rdf:about.
            FallbackId = _reader.GetAttribute("about", RdfNamespace),
        };
        ForEachChild(() =>
        {
            var kind = Kind();
            var name = _reader.LocalName;
            var elementBase = BaseOf(itemBase);
            switch (kind)
            {
                case FeedNamespace.Core or FeedNamespace.Atom:
                    ReadCoreField(item, name, elementBase, atom || kind == FeedNamespace.Atom);
                    break;
                case FeedNamespace.DublinCore or FeedNamespace.DcTerms:
                    ReadDublinCore(item, name, elementBase, kind == FeedNamespace.DcTerms);
                    break;
                case FeedNamespace.Content when name == "encoded":
                    item.Content = First(item.Content, ReadText(elementBase, TextKind.Html));
                    break;
                case FeedNamespace.Media:
                    ReadMedia(item, name, elementBase);
                    break;
                case FeedNamespace.ITunes:
                    ReadITunes(item, name, elementBase);
                    break;
                case FeedNamespace.Xhtml when name is "body" or "div":
                    item.Content = First(item.Content, ReadText(elementBase, TextKind.Html, markup: true));
                    break;
                default:
                    Skip();
                    break;
            }
        });
        return item;
    }

    private void ReadCoreField(RawFeedItem item, string name, Uri? elementBase, bool atom)
    {
        switch (name)
        {
            case "title":
                item.Title = First(item.Title, ReadText(elementBase, atom ? TextKind.Plain : TextKind.Guess));
                break;
            case "link":
                ReadLink(elementBase, item.Links);
                break;
            case "guid" or "id":
                item.Id = First(item.Id, ReadPlain());
                break;
            case "description":
                item.Description = First(item.Description, ReadText(elementBase, TextKind.Html));
                break;
            case "summary":
                item.Description = First(item.Description, ReadText(elementBase, atom ? TextKind.Plain : TextKind.Html));
                break;
            case "content":
                var src = _reader.GetAttribute("src");
                if (!string.IsNullOrWhiteSpace(src))
                {
                    item.Links.Add(new RawLink("content", _reader.GetAttribute("type"), src.Trim(), elementBase));
                }

                item.Content = First(item.Content, ReadText(elementBase, atom ? TextKind.Plain : TextKind.Html));
                break;
            case "pubDate" or "published" or "issued":
                item.Published = First(item.Published, ReadPlain());
                break;
            case "updated" or "modified":
                item.Updated = First(item.Updated, ReadPlain());
                break;
            case "created":
                item.ModuleCreated = First(item.ModuleCreated, ReadPlain());
                break;
            case "author":
                item.Author = First(item.Author, ReadPerson());
                break;
            case "contributor":
                item.Contributor = First(item.Contributor, ReadPerson());
                break;
            case "category":
                ReadCategory(item);
                break;
            case "enclosure":
                var url = _reader.GetAttribute("url");
                if (!string.IsNullOrWhiteSpace(url))
                {
                    item.Media.Add(new RawMedia(url.Trim(), _reader.GetAttribute("type"), null, ReadLength(_reader.GetAttribute("length")), elementBase, MediaSource.Enclosure));
                }

                Skip();
                break;
            default:
                Skip();
                break;
        }
    }

    private void ReadDublinCore(RawFeedItem item, string name, Uri? elementBase, bool terms)
    {
        switch (name)
        {
            case "date":
                item.ModuleDate = First(item.ModuleDate, ReadPlain());
                break;
            case "issued" when terms:
                item.ModulePublished = First(item.ModulePublished, ReadPlain());
                break;
            case "created" when terms:
                item.ModuleCreated = First(item.ModuleCreated, ReadPlain());
                break;
            case "modified" when terms:
                item.ModuleUpdated = First(item.ModuleUpdated, ReadPlain());
                break;
            case "creator" or "author":
                item.ModuleAuthor = First(item.ModuleAuthor, ReadPerson());
                break;
            case "contributor":
                item.Contributor = First(item.Contributor, ReadPerson());
                break;
            case "subject":
                ReadSubjects(item.Categories);
                break;
            case "title":
                item.ModuleTitle = First(item.ModuleTitle, ReadText(elementBase, TextKind.Guess));
                break;
            case "description" or "abstract":
                item.ModuleSummary = First(item.ModuleSummary, ReadText(elementBase, TextKind.Guess));
                break;
            case "identifier":
                item.FallbackId = First(item.FallbackId, ReadPlain());
                break;
            default:
                Skip();
                break;
        }
    }

    private void ReadMedia(RawFeedItem item, string name, Uri? elementBase)
    {
        switch (name)
        {
            case "content":
                var url = _reader.GetAttribute("url");
                if (!string.IsNullOrWhiteSpace(url))
                {
                    item.Media.Add(new RawMedia(
                        url.Trim(), _reader.GetAttribute("type"), _reader.GetAttribute("medium"), ReadLength(_reader.GetAttribute("fileSize")), elementBase, MediaSource.MediaContent));
                }

                ForEachChild(() =>
                {
                    if (Kind() == FeedNamespace.Media)
                    {
                        ReadMedia(item, _reader.LocalName, BaseOf(elementBase));
                    }
                    else
                    {
                        Skip();
                    }
                });
                break;
            case "group":
                ForEachChild(() =>
                {
                    if (Kind() == FeedNamespace.Media)
                    {
                        ReadMedia(item, _reader.LocalName, BaseOf(elementBase));
                    }
                    else
                    {
                        Skip();
                    }
                });
                break;
            case "thumbnail":
                var thumbnail = _reader.GetAttribute("url");
                if (!string.IsNullOrWhiteSpace(thumbnail))
                {
                    item.Media.Add(new RawMedia(thumbnail.Trim(), null, "image", null, elementBase, MediaSource.Thumbnail));
                }

                Skip();
                break;
            case "title":
                item.ModuleTitle = First(item.ModuleTitle, ReadText(elementBase, _reader.GetAttribute("type") == "html" ? TextKind.Html : TextKind.Plain));
                break;
            case "description":
                item.ModuleSummary = First(item.ModuleSummary, ReadText(elementBase, _reader.GetAttribute("type") == "html" ? TextKind.Html : TextKind.Plain));
                break;
            case "category":
                AddCategory(item.Categories, ReadPlain());
                break;
            default:
                Skip();
                break;
        }
    }

    private void ReadITunes(RawFeedItem item, string name, Uri? elementBase)
    {
        switch (name)
        {
            case "author":
                item.ModuleAuthor = First(item.ModuleAuthor, ReadPlain());
                break;
            case "summary":
                item.ModuleSummary = First(item.ModuleSummary, ReadText(elementBase, TextKind.Guess));
                break;
            case "subtitle":
                item.Subtitle = First(item.Subtitle, ReadText(elementBase, TextKind.Guess));
                break;
            case "image":
                var href = _reader.GetAttribute("href") ?? _reader.GetAttribute("url");
                if (!string.IsNullOrWhiteSpace(href))
                {
                    item.Media.Add(new RawMedia(href.Trim(), null, "image", null, elementBase, MediaSource.ITunesImage));
                }

                Skip();
                break;
            case "category":
                ReadITunesCategory(item.Categories);
                break;
            default:
                Skip();
                break;
        }
    }

    private void ReadITunesCategory(List<string> categories)
    {
        AddCategory(categories, _reader.GetAttribute("text"));
        ForEachChild(() =>
        {
            if (Kind() == FeedNamespace.ITunes && _reader.LocalName == "category")
            {
                ReadITunesCategory(categories);
            }
            else
            {
                Skip();
            }
        });
    }

    private void ReadCategory(RawFeedItem item)
    {
        var label = _reader.GetAttribute("label");
        var term = _reader.GetAttribute("term");
        if (!string.IsNullOrWhiteSpace(label) || !string.IsNullOrWhiteSpace(term))
        {
            AddCategory(item.Categories, string.IsNullOrWhiteSpace(label) ? term : label);
            Skip();
            return;
        }

        AddCategory(item.Categories, ReadPlain());
    }

    private void ReadSubjects(List<string> categories)
    {
        // Either text, or an RDF bag of rdf:li values.
        var text = new StringBuilder();
        ForEachChildOrText(
            text,
            () =>
            {
                if (Kind() == FeedNamespace.Rdf && _reader.LocalName == "li")
                {
                    AddCategory(categories, ReadPlain());
                }
                else if (Kind() == FeedNamespace.Rdf)
                {
                    ReadSubjects(categories);
                }
                else
                {
                    Skip();
                }
            });
        AddCategory(categories, text.ToString());
    }

    private static void AddCategory(List<string> categories, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            categories.Add(value);
        }
    }

    private void ReadLink(Uri? elementBase, List<RawLink> links)
    {
        var href = _reader.GetAttribute("href");
        if (href is not null)
        {
            if (!string.IsNullOrWhiteSpace(href))
            {
                links.Add(new RawLink(_reader.GetAttribute("rel"), _reader.GetAttribute("type"), href.Trim(), elementBase));
            }

            Skip();
            return;
        }

        var text = ReadPlain();
        if (!string.IsNullOrWhiteSpace(text))
        {
            links.Add(new RawLink(null, null, text.Trim(), elementBase));
        }
    }

    /// <summary>An Atom person's name (or e-mail when nameless), or the text of an RSS author.</summary>
    private string? ReadPerson()
    {
        string? name = null, email = null;
        var text = new StringBuilder();
        ForEachChildOrText(
            text,
            () =>
            {
                switch (_reader.LocalName)
                {
                    case "name":
                        name = First(name, ReadPlain());
                        break;
                    case "email":
                        email = First(email, ReadPlain());
                        break;
                    default:
                        Skip();
                        break;
                }
            });
        return !string.IsNullOrWhiteSpace(name) ? name : text.Length > 0 && !string.IsNullOrWhiteSpace(text.ToString()) ? text.ToString() : email;
    }

    /// <summary>Like <see cref="ForEachChild"/>, collecting the element's own text as well.</summary>
    private void ForEachChildOrText(StringBuilder text, Action child)
    {
        var depth = _reader.Depth;
        if (_reader.IsEmptyElement)
        {
            Advance();
            return;
        }

        Advance();
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    Advance();
                    return;
                case XmlNodeType.Element:
                    child();
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Append(_reader.Value);
                    break;
                case XmlNodeType.None:
                    throw new XmlException("Unexpected end of file");
            }

            if (!Advance())
            {
                throw new XmlException("Unexpected end of file");
            }
        }
    }

    /// <summary>The text of an element, child elements skipped; one text node (the usual case) costs no copy.</summary>
    private string ReadPlain()
    {
        var depth = _reader.Depth;
        if (_reader.IsEmptyElement)
        {
            Advance();
            return "";
        }

        string? single = null;
        StringBuilder? text = null;
        Advance();
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    Advance();
                    return text?.ToString() ?? single ?? "";
                case XmlNodeType.Element:
                    Skip();
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (single is null && text is null)
                    {
                        single = _reader.Value;
                    }
                    else
                    {
                        text ??= new StringBuilder(single);
                        text.Append(_reader.Value);
                    }

                    break;
                case XmlNodeType.None:
                    throw new XmlException("Unexpected end of file");
            }

            if (!Advance())
            {
                throw new XmlException("Unexpected end of file");
            }
        }
    }

    private static long? ReadLength(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0 ? length : null;

    /// <summary>
    /// Reads a text construct: its type (Atom text/html/xhtml or a MIME type, Atom 0.3 mode) decides
    /// how to read it; child elements (XHTML, or HTML pasted into RSS unescaped) are written back out as markup.
    /// </summary>
    private RawText ReadText(Uri? elementBase, TextKind defaultKind, bool markup = false)
    {
        var type = _reader.GetAttribute("type")?.Trim().ToLowerInvariant();
        var mode = _reader.GetAttribute("mode")?.Trim().ToLowerInvariant();
        var kind = type switch
        {
            null or "" => defaultKind,
            "text" or "text/plain" => TextKind.Plain,
            "html" or "text/html" or "xhtml" or "application/xhtml+xml" => TextKind.Html,
            _ when type.StartsWith("text/", StringComparison.Ordinal) => TextKind.Plain,
            _ => defaultKind,
        };
        markup |= type is "xhtml" or "application/xhtml+xml" || mode == "xml";
        var base64 = mode == "base64"
            || (type is not null && type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("xml", StringComparison.Ordinal));
        if (mode == "escaped")
        {
            kind = type is "text/plain" or "text" ? TextKind.Plain : TextKind.Html;
        }

        var depth = _reader.Depth;
        if (_reader.IsEmptyElement)
        {
            Advance();
            return new RawText("", kind, elementBase);
        }

        var text = new StringBuilder();
        var hasElements = false;
        Advance();
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    Advance();
                    goto done;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (hasElements)
                    {
                        AppendEscaped(text, _reader.Value);
                    }
                    else
                    {
                        text.Append(_reader.Value);
                    }

                    break;
                case XmlNodeType.Element:
                    if (!hasElements)
                    {
                        hasElements = true;
                        var before = text.ToString();
                        text.Clear();
                        AppendEscaped(text, before);
                    }

                    WriteStartTag(text, elementBase);
                    break;
                case XmlNodeType.EndElement:
                    text.Append("</").Append(_reader.LocalName).Append('>');
                    break;
                case XmlNodeType.None:
                    throw new XmlException("Unexpected end of file");
            }

            if (!Advance())
            {
                throw new XmlException("Unexpected end of file");
            }
        }

    done:
        if (hasElements || markup)
        {
            return new RawText(text.ToString(), hasElements ? TextKind.Html : kind == TextKind.Html ? TextKind.Plain : kind, elementBase);
        }

        if (base64)
        {
            return DecodeBase64(text.ToString(), type, kind, elementBase);
        }

        return new RawText(text.ToString(), kind, elementBase);
    }

    private static RawText DecodeBase64(string encoded, string? type, TextKind kind, Uri? elementBase)
    {
        var compact = string.Concat(encoded.Where(c => !char.IsWhiteSpace(c)));
        var buffer = new byte[(compact.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(compact, buffer, out var written))
        {
            return new RawText(encoded, kind, elementBase);
        }

        // Binary content (an image, a PDF) has no text to show.
        if (type is not null && type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal))
        {
            return new RawText("", TextKind.Plain, elementBase);
        }

        return new RawText(Encoding.UTF8.GetString(buffer, 0, written), kind, elementBase);
    }

    private void WriteStartTag(StringBuilder text, Uri? contentBase)
    {
        var name = _reader.LocalName;
        text.Append('<').Append(name);
        var elementBase = BaseOf(contentBase);
        foreach (var attribute in (string[])["src", "href", "width", "height"])
        {
            var value = _reader.GetAttribute(attribute);
            if (value is null)
            {
                continue;
            }

            if (attribute is "src" or "href" && elementBase is not null && Uri.TryCreate(elementBase, value.Trim(), out var resolved))
            {
                value = resolved.ToString();
            }

            text.Append(' ').Append(attribute).Append("=\"");
            AppendEscaped(text, value);
            text.Append('"');
        }

        text.Append('>');
        if (_reader.IsEmptyElement && Array.IndexOf(VoidElements, name) < 0)
        {
            text.Append("</").Append(name).Append('>');
        }
    }

    private static void AppendEscaped(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => text.Append("&amp;"),
                '<' => text.Append("&lt;"),
                '>' => text.Append("&gt;"),
                '"' => text.Append("&quot;"),
                _ => text.Append(c),
            };
        }
    }

    // Both arguments are evaluated: a repeated element must still be read past even when the first one wins.
    private static T? First<T>(T? kept, T? read)
        where T : class => kept ?? read;

    private sealed class TooDeepException : Exception;

    private sealed class UndeclaredPrefixException(string prefix) : Exception
    {
        public string Prefix { get; } = prefix;
    }
}
