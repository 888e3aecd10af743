using System.Xml;

namespace NewsBot.Feeds;

/// <summary>
/// The position of a forward-only <see cref="XmlReader"/> in a feed, with the moves every feed
/// format is read with: into an element, over its children, past it, and the plain values
/// (text, links, people) most elements hold. Every move leaves the reader after the element it
/// read, refuses nesting beyond <see cref="FeedXmlSanitizer.MaxDepth"/> and turns an early end of
/// the document into an <see cref="XmlException"/>.
/// </summary>
internal sealed class FeedXmlCursor(XmlReader reader)
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private readonly Dictionary<string, FeedNamespace> _kinds = new(ReferenceEqualityComparer.Instance);

    public XmlReader Reader { get; } = reader;

    /// <summary>The local name of the current element.</summary>
    public string Name => Reader.LocalName;

    /// <summary>The vocabulary of the current element, from its namespace URI.</summary>
    public FeedNamespace Kind()
    {
        // The name table hands out one string per namespace URI, so the cache compares references.
        var uri = Reader.NamespaceURI;
        if (!_kinds.TryGetValue(uri, out var kind))
        {
            kind = FeedNamespaces.Classify(uri);
            _kinds[uri] = kind;
        }

        return kind;
    }

    public string? Attribute(string name) => Reader.GetAttribute(name);

    /// <summary>The base URI for the current element: its xml:base resolved against the one in force.</summary>
    public Uri? BaseOf(Uri? inherited)
    {
        var value = Reader.GetAttribute("base", XmlNamespace);
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

    /// <summary>Moves to the next node; false at the end of the document.</summary>
    /// <exception cref="TooDeepException">The node is nested too deep.</exception>
    public bool Advance()
    {
        if (!Reader.Read())
        {
            return false;
        }

        if (Reader.Depth > FeedXmlSanitizer.MaxDepth)
        {
            throw new TooDeepException();
        }

        return true;
    }

    /// <summary>Steps into the current element; false for an empty one, which leaves the reader after it.</summary>
    /// <param name="depth">The element's depth, for <see cref="Inside"/>.</param>
    public bool Enter(out int depth)
    {
        depth = Reader.Depth;
        var empty = Reader.IsEmptyElement;
        Advance();
        return !empty;
    }

    /// <summary>True while the reader is inside the element entered at <paramref name="depth"/>; at its end tag, steps past it and returns false.</summary>
    public bool Inside(int depth)
    {
        switch (Reader.NodeType)
        {
            case XmlNodeType.EndElement when Reader.Depth == depth:
                Advance();
                return false;
            case XmlNodeType.None:
                throw new XmlException(StoredText.Of("feedError.unexpectedEnd"));
            default:
                return true;
        }
    }

    public bool AtText => Reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    /// <summary>Calls <paramref name="child"/> on each child element of the current one; leaves the reader after its end.</summary>
    public void ForEachChild(Action child) => ForEachChildOrText(null, child);

    /// <summary>Like <see cref="ForEachChild"/>, collecting the element's own text in <paramref name="text"/> as well.</summary>
    public void ForEachChildOrText(StringBuilder? text, Action child)
    {
        if (!Enter(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            if (Reader.NodeType == XmlNodeType.Element)
            {
                child();
                continue;
            }

            if (text is not null && AtText)
            {
                text.Append(Reader.Value);
            }

            Advance();
        }
    }

    /// <summary>Leaves the reader after the current element, whatever it holds.</summary>
    public void Skip()
    {
        if (!Enter(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            Advance();
        }
    }

    /// <summary>The text of an element, child elements skipped; one text node (the usual case) costs no copy.</summary>
    public string ReadPlain()
    {
        if (!Enter(out var depth))
        {
            return "";
        }

        string? single = null;
        StringBuilder? text = null;
        while (Inside(depth))
        {
            if (Reader.NodeType == XmlNodeType.Element)
            {
                Skip();
                continue;
            }

            if (AtText)
            {
                if (single is null && text is null)
                {
                    single = Reader.Value;
                }
                else
                {
                    text ??= new StringBuilder(single);
                    text.Append(Reader.Value);
                }
            }

            Advance();
        }

        return text?.ToString() ?? single ?? "";
    }

    /// <summary>Adds the link the current element names (an href attribute, or its text) to <paramref name="links"/>.</summary>
    public void ReadLink(Uri? elementBase, List<RawLink> links)
    {
        var href = Reader.GetAttribute("href");
        if (href is not null)
        {
            if (!string.IsNullOrWhiteSpace(href))
            {
                links.Add(new RawLink(Reader.GetAttribute("rel"), Reader.GetAttribute("type"), href.Trim(), elementBase));
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
    public string? ReadPerson()
    {
        string? name = null, email = null;
        var text = new StringBuilder();
        ForEachChildOrText(
            text,
            () =>
            {
                switch (Reader.LocalName)
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

    /// <summary>The URL attribute <paramref name="attribute"/> of the current element, trimmed; null when missing or blank.</summary>
    public string? Url(string attribute)
    {
        var value = Reader.GetAttribute(attribute);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static long? ReadLength(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0 ? length : null;

    /// <summary>The value kept from a repeated element: the first one.</summary>
    /// <remarks>Both arguments are evaluated: a repeated element must still be read past even when the first one wins.</remarks>
    public static T? First<T>(T? kept, T? read)
        where T : class => kept ?? read;

    /// <summary>The document nests elements deeper than <see cref="FeedXmlSanitizer.MaxDepth"/>.</summary>
    public sealed class TooDeepException : Exception;
}
