using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// What a batch of drafts finds already stored, read with one <c>IN</c> query per key kind (item
/// key, link, title key) instead of three lookups per draft. Keys match as the database's
/// indexes match them (its collation, case-insensitive in every NewsBot file), and the drafts
/// a batch stores count as stored for the drafts after them, in the same call and the calls after it.
/// </summary>
internal sealed class LiteDbKnownArticles
{
    // Keys per query: a batch is one read of one source, capped well below this; larger ones go in pieces.
    private const int KeysPerQuery = 500;

    // Parameterised, so LiteDB parses and compiles each once: values written into the expression
    // (Query.In) make a new expression, compiled to new code, per call.
    private const string ItemKeyIn = "$.ItemKey IN @0";
    private const string UrlIn = "$.Url IN @0";
    private const string TitleKeyIn = "$.TitleKey IN @0";

    private readonly HashSet<string> _looked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _itemKeys;
    private readonly Dictionary<string, ArticleDocument> _byUrl;
    private readonly HashSet<string> _titleKeys;

    public LiteDbKnownArticles(Collation collation)
    {
        var comparer = new CollationComparer(collation);
        _itemKeys = new HashSet<string>(comparer);
        _byUrl = new Dictionary<string, ArticleDocument>(comparer);
        _titleKeys = new HashSet<string>(comparer);
    }

    /// <summary>The drafts whose keys were not read yet.</summary>
    public List<ArticleDraft> NotLookedUp(IEnumerable<ArticleDraft> drafts) => drafts.Where(d => !_looked.Contains(d.Article.ItemKey)).ToList();

    /// <summary>Adds the stored articles that share a key with one of <paramref name="drafts"/>; those of <paramref name="newSources"/> (nothing stored) by link only.</summary>
    public void Read(ILiteCollection<ArticleDocument> articles, IReadOnlyCollection<ArticleDraft> drafts, IReadOnlySet<int>? newSources = null)
    {
        foreach (var draft in drafts)
        {
            _looked.Add(draft.Article.ItemKey);
        }

        var keyed = KeyedDrafts.Of(drafts, newSources);
        foreach (var document in FindIn(articles, ItemKeyIn, keyed.Select(d => d.Article.ItemKey)))
        {
            _itemKeys.Add(document.ItemKey);
        }

        foreach (var document in FindIn(articles, UrlIn, drafts.Select(d => d.Article.Url)))
        {
            _byUrl.TryAdd(document.Url, document);
        }

        foreach (var document in FindIn(articles, TitleKeyIn, keyed.Select(d => d.TitleKey)))
        {
            _titleKeys.Add(document.TitleKey);
        }
    }

    public bool HasItemKey(string itemKey) => _itemKeys.Contains(itemKey);

    public ArticleDocument? WithUrl(string url) => _byUrl.GetValueOrDefault(url);

    public bool HasTitleKey(string titleKey) => _titleKeys.Contains(titleKey);

    /// <summary>Counts a document about to be stored as known, for the rest of the batch.</summary>
    public void Add(ArticleDocument document)
    {
        _itemKeys.Add(document.ItemKey);
        _byUrl.TryAdd(document.Url, document);
        _titleKeys.Add(document.TitleKey);
    }

    private static IEnumerable<ArticleDocument> FindIn(ILiteCollection<ArticleDocument> articles, string keyIn, IEnumerable<string> keys)
    {
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            foreach (var document in articles.Find(BsonExpression.Create(keyIn, new BsonArray(chunk.Select(k => new BsonValue(k))))))
            {
                yield return document;
            }
        }
    }

    /// <summary>String equality as the collation's indexes see it, with a hash that agrees.</summary>
    private sealed class CollationComparer(Collation collation) : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) =>
            x is null || y is null ? ReferenceEquals(x, y) : collation.Compare(x, y) == 0;

        public int GetHashCode(string obj) => collation.Culture.CompareInfo.GetHashCode(obj, collation.SortOptions);
    }
}
