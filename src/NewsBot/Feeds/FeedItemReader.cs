namespace NewsBot.Feeds;

/// <summary>
/// Reads one RSS item or Atom entry: the core elements of either format and the modules feeds add
/// to them (Dublin Core and DC terms, content:encoded, Media RSS, iTunes, an XHTML body).
/// </summary>
internal static class FeedItemReader
{
    private const string RdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>Reads the current item element; leaves the reader after it.</summary>
    /// <param name="atom">The item is an Atom entry: untyped titles and summaries are plain text.</param>
    public static RawFeedItem Read(FeedXmlCursor cursor, Uri? itemBase, bool atom)
    {
        var item = new RawFeedItem
        {
            // RSS 1.0 items name themselves with rdf:about.
            FallbackId = cursor.Reader.GetAttribute("about", RdfNamespace),
        };
        cursor.ForEachChild(() =>
        {
            var kind = cursor.Kind();
            var name = cursor.Name;
            var elementBase = cursor.BaseOf(itemBase);
            switch (kind)
            {
                case FeedNamespace.Core or FeedNamespace.Atom:
                    ReadCoreField(cursor, item, name, elementBase, atom || kind == FeedNamespace.Atom);
                    break;
                case FeedNamespace.DublinCore or FeedNamespace.DcTerms:
                    ReadDublinCore(cursor, item, name, elementBase, kind == FeedNamespace.DcTerms);
                    break;
                case FeedNamespace.Content when name == "encoded":
                    item.Content = FeedXmlCursor.First(item.Content, TextConstructReader.Read(cursor, elementBase, TextKind.Html));
                    break;
                case FeedNamespace.Media:
                    ReadMedia(cursor, item, name, elementBase);
                    break;
                case FeedNamespace.ITunes:
                    ReadITunes(cursor, item, name, elementBase);
                    break;
                case FeedNamespace.Xhtml when name is "body" or "div":
                    item.Content = FeedXmlCursor.First(item.Content, TextConstructReader.Read(cursor, elementBase, TextKind.Html, markup: true));
                    break;
                default:
                    cursor.Skip();
                    break;
            }
        });
        return item;
    }

    private static void ReadCoreField(FeedXmlCursor cursor, RawFeedItem item, string name, Uri? elementBase, bool atom)
    {
        switch (name)
        {
            case "title":
                item.Title = FeedXmlCursor.First(item.Title, TextConstructReader.Read(cursor, elementBase, atom ? TextKind.Plain : TextKind.Guess));
                break;
            case "link":
                cursor.ReadLink(elementBase, item.Links);
                break;
            case "guid" or "id":
                item.Id = FeedXmlCursor.First(item.Id, cursor.ReadPlain());
                break;
            case "description":
                item.Description = FeedXmlCursor.First(item.Description, TextConstructReader.Read(cursor, elementBase, TextKind.Html));
                break;
            case "summary":
                item.Description = FeedXmlCursor.First(item.Description, TextConstructReader.Read(cursor, elementBase, atom ? TextKind.Plain : TextKind.Html));
                break;
            case "content":
                if (cursor.Url("src") is { } src)
                {
                    item.Links.Add(new RawLink("content", cursor.Attribute("type"), src, elementBase));
                }

                item.Content = FeedXmlCursor.First(item.Content, TextConstructReader.Read(cursor, elementBase, atom ? TextKind.Plain : TextKind.Html));
                break;
            case "pubDate" or "published" or "issued":
                item.Published = FeedXmlCursor.First(item.Published, cursor.ReadPlain());
                break;
            case "updated" or "modified":
                item.Updated = FeedXmlCursor.First(item.Updated, cursor.ReadPlain());
                break;
            case "created":
                item.ModuleCreated = FeedXmlCursor.First(item.ModuleCreated, cursor.ReadPlain());
                break;
            case "author":
                item.Author = FeedXmlCursor.First(item.Author, cursor.ReadPerson());
                break;
            case "contributor":
                item.Contributor = FeedXmlCursor.First(item.Contributor, cursor.ReadPerson());
                break;
            case "category":
                ReadCategory(cursor, item);
                break;
            case "enclosure":
                AddMedia(item, cursor.Url("url"), cursor.Attribute("type"), null, cursor.Attribute("length"), elementBase, MediaSource.Enclosure);
                cursor.Skip();
                break;
            default:
                cursor.Skip();
                break;
        }
    }

    private static void ReadDublinCore(FeedXmlCursor cursor, RawFeedItem item, string name, Uri? elementBase, bool terms)
    {
        switch (name)
        {
            case "date":
                item.ModuleDate = FeedXmlCursor.First(item.ModuleDate, cursor.ReadPlain());
                break;
            case "issued" when terms:
                item.ModulePublished = FeedXmlCursor.First(item.ModulePublished, cursor.ReadPlain());
                break;
            case "created" when terms:
                item.ModuleCreated = FeedXmlCursor.First(item.ModuleCreated, cursor.ReadPlain());
                break;
            case "modified" when terms:
                item.ModuleUpdated = FeedXmlCursor.First(item.ModuleUpdated, cursor.ReadPlain());
                break;
            case "creator" or "author":
                item.ModuleAuthor = FeedXmlCursor.First(item.ModuleAuthor, cursor.ReadPerson());
                break;
            case "contributor":
                item.Contributor = FeedXmlCursor.First(item.Contributor, cursor.ReadPerson());
                break;
            case "subject":
                ReadSubjects(cursor, item.Categories);
                break;
            case "title":
                item.ModuleTitle = FeedXmlCursor.First(item.ModuleTitle, TextConstructReader.Read(cursor, elementBase, TextKind.Guess));
                break;
            case "description" or "abstract":
                item.ModuleSummary = FeedXmlCursor.First(item.ModuleSummary, TextConstructReader.Read(cursor, elementBase, TextKind.Guess));
                break;
            case "identifier":
                item.FallbackId = FeedXmlCursor.First(item.FallbackId, cursor.ReadPlain());
                break;
            default:
                cursor.Skip();
                break;
        }
    }

    private static void ReadMedia(FeedXmlCursor cursor, RawFeedItem item, string name, Uri? elementBase)
    {
        switch (name)
        {
            case "content":
                AddMedia(item, cursor.Url("url"), cursor.Attribute("type"), cursor.Attribute("medium"), cursor.Attribute("fileSize"), elementBase, MediaSource.MediaContent);
                ReadMediaChildren(cursor, item, elementBase);
                break;
            case "group":
                ReadMediaChildren(cursor, item, elementBase);
                break;
            case "thumbnail":
                AddMedia(item, cursor.Url("url"), null, "image", null, elementBase, MediaSource.Thumbnail);
                cursor.Skip();
                break;
            case "title":
                item.ModuleTitle = FeedXmlCursor.First(item.ModuleTitle, TextConstructReader.Read(cursor, elementBase, HtmlWhenSaid(cursor)));
                break;
            case "description":
                item.ModuleSummary = FeedXmlCursor.First(item.ModuleSummary, TextConstructReader.Read(cursor, elementBase, HtmlWhenSaid(cursor)));
                break;
            case "category":
                AddCategory(item.Categories, cursor.ReadPlain());
                break;
            default:
                cursor.Skip();
                break;
        }
    }

    // Media RSS text is plain unless type="html" says otherwise.
    private static TextKind HtmlWhenSaid(FeedXmlCursor cursor) => cursor.Attribute("type") == "html" ? TextKind.Html : TextKind.Plain;

    /// <summary>The Media RSS elements inside a media:content or media:group.</summary>
    private static void ReadMediaChildren(FeedXmlCursor cursor, RawFeedItem item, Uri? elementBase)
    {
        cursor.ForEachChild(() =>
        {
            if (cursor.Kind() == FeedNamespace.Media)
            {
                ReadMedia(cursor, item, cursor.Name, cursor.BaseOf(elementBase));
            }
            else
            {
                cursor.Skip();
            }
        });
    }

    private static void ReadITunes(FeedXmlCursor cursor, RawFeedItem item, string name, Uri? elementBase)
    {
        switch (name)
        {
            case "author":
                item.ModuleAuthor = FeedXmlCursor.First(item.ModuleAuthor, cursor.ReadPlain());
                break;
            case "summary":
                item.ModuleSummary = FeedXmlCursor.First(item.ModuleSummary, TextConstructReader.Read(cursor, elementBase, TextKind.Guess));
                break;
            case "subtitle":
                item.Subtitle = FeedXmlCursor.First(item.Subtitle, TextConstructReader.Read(cursor, elementBase, TextKind.Guess));
                break;
            case "image":
                var href = cursor.Attribute("href") ?? cursor.Attribute("url");
                AddMedia(item, string.IsNullOrWhiteSpace(href) ? null : href.Trim(), null, "image", null, elementBase, MediaSource.ITunesImage);
                cursor.Skip();
                break;
            case "category":
                ReadITunesCategory(cursor, item.Categories);
                break;
            default:
                cursor.Skip();
                break;
        }
    }

    private static void AddMedia(RawFeedItem item, string? url, string? type, string? medium, string? length, Uri? elementBase, MediaSource source)
    {
        if (url is not null)
        {
            item.Media.Add(new RawMedia(url, type, medium, FeedXmlCursor.ReadLength(length), elementBase, source));
        }
    }

    private static void ReadITunesCategory(FeedXmlCursor cursor, List<string> categories)
    {
        AddCategory(categories, cursor.Attribute("text"));
        cursor.ForEachChild(() =>
        {
            if (cursor.Kind() == FeedNamespace.ITunes && cursor.Name == "category")
            {
                ReadITunesCategory(cursor, categories);
            }
            else
            {
                cursor.Skip();
            }
        });
    }

    private static void ReadCategory(FeedXmlCursor cursor, RawFeedItem item)
    {
        var label = cursor.Attribute("label");
        var term = cursor.Attribute("term");
        if (!string.IsNullOrWhiteSpace(label) || !string.IsNullOrWhiteSpace(term))
        {
            AddCategory(item.Categories, string.IsNullOrWhiteSpace(label) ? term : label);
            cursor.Skip();
            return;
        }

        AddCategory(item.Categories, cursor.ReadPlain());
    }

    private static void ReadSubjects(FeedXmlCursor cursor, List<string> categories)
    {
        // Either text, or an RDF bag of rdf:li values.
        var text = new StringBuilder();
        cursor.ForEachChildOrText(
            text,
            () =>
            {
                if (cursor.Kind() == FeedNamespace.Rdf && cursor.Name == "li")
                {
                    AddCategory(categories, cursor.ReadPlain());
                }
                else if (cursor.Kind() == FeedNamespace.Rdf)
                {
                    ReadSubjects(cursor, categories);
                }
                else
                {
                    cursor.Skip();
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
}
