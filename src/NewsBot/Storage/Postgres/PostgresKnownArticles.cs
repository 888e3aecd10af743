using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// The stored articles that drafts may repeat, by item key, link and title key, read with one
/// query for many drafts; the drafts planned for storing count as stored for the drafts after
/// them, in the same call and, for a batch, in the calls after it.
/// </summary>
internal sealed class PostgresKnownArticles
{
    public const string Lookup = "SELECT id, url, item_key, title_key, source_id, also_in FROM articles WHERE item_key = ANY($1) OR url = ANY($2) OR title_key = ANY($3)";

    private readonly HashSet<string> _looked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _itemKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _titleKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Known> _byUrl = new(StringComparer.Ordinal);

    /// <summary>The drafts whose keys were not looked up yet.</summary>
    public List<ArticleDraft> NotLookedUp(IEnumerable<ArticleDraft> drafts) => drafts.Where(d => !_looked.Contains(d.Article.ItemKey)).ToList();

    /// <summary>The values of <see cref="Lookup"/> for these drafts, which count as looked up from now on.</summary>
    /// <param name="newSources">Sources with nothing stored: their drafts are looked up by link only.</param>
    public object?[] LookupValues(IReadOnlyCollection<ArticleDraft> drafts, IReadOnlySet<int>? newSources = null)
    {
        foreach (var draft in drafts)
        {
            _looked.Add(draft.Article.ItemKey);
        }

        var keyed = KeyedDrafts.Of(drafts, newSources);
        return [keyed.Select(d => d.Article.ItemKey).ToArray(), drafts.Select(d => d.Article.Url).ToArray(), keyed.Select(d => d.TitleKey).ToArray()];
    }

    /// <summary>Reads a row of <see cref="Lookup"/> into the set.</summary>
    public bool Add(NpgsqlDataReader row)
    {
        var known = new Known(row.GetInt32(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetInt32(4), row.Strings(5));
        _itemKeys.Add(known.ItemKey);
        _titleKeys.Add(known.TitleKey);
        return _byUrl.TryAdd(known.Url, known);
    }

    /// <summary>
    /// The same checks as the LiteDB store, in the same order: item key, then link, then title
    /// key. Returns the drafts to store, the links repeated from elsewhere (by id, or by position
    /// among the drafts to store until they have ids) and how many were recognised.
    /// </summary>
    public (List<ArticleDraft> Fresh, List<(int? Id, int Fresh)> Elsewhere, int Recognised) Plan(IReadOnlyList<ArticleDraft> drafts)
    {
        var fresh = new List<ArticleDraft>();
        var elsewhere = new List<(int? Id, int Fresh)>();
        var recognised = 0;
        foreach (var draft in drafts)
        {
            switch (Decide(draft, fresh.Count))
            {
                case { Kind: Verdict.New }:
                    fresh.Add(draft);
                    break;
                case { Kind: Verdict.Recognised }:
                    recognised++;
                    break;
                case { Kind: Verdict.Elsewhere } decision:
                    elsewhere.Add((decision.Id, decision.Fresh));
                    break;
            }
        }

        return (fresh, elsewhere, recognised);
    }

    /// <summary>
    /// What becomes of one draft, checked against what is stored and the drafts decided before it;
    /// a new one counts as stored from now on, at position <paramref name="freshIndex"/> among the
    /// new ones until it has its id.
    /// </summary>
    public Decision Decide(ArticleDraft draft, int freshIndex)
    {
        if (_itemKeys.Contains(draft.Article.ItemKey))
        {
            return new Decision(Verdict.Known, null, -1);
        }

        _byUrl.TryGetValue(draft.Article.Url, out var sameUrl);
        if (sameUrl is not null || _titleKeys.Contains(draft.TitleKey))
        {
            // Another source may carry the same link (syndication); only a match within the same
            // source says that this feed re-posts old items under new ids.
            if (sameUrl is null || sameUrl.SourceId == draft.Article.SourceId)
            {
                return new Decision(Verdict.Recognised, null, -1);
            }

            return sameUrl.AlsoIn.Contains(draft.Article.SourceName)
                ? new Decision(Verdict.Known, null, -1)
                : new Decision(Verdict.Elsewhere, sameUrl.Fresh >= 0 ? null : sameUrl.Id, sameUrl.Fresh);
        }

        _itemKeys.Add(draft.Article.ItemKey);
        _titleKeys.Add(draft.TitleKey);
        _byUrl.Add(draft.Article.Url, new Known(0, draft.Article.Url, draft.Article.ItemKey, draft.TitleKey, draft.Article.SourceId, []) { Fresh = freshIndex });
        return new Decision(Verdict.New, null, freshIndex);
    }

    /// <summary>Gives the drafts just stored their ids, for the calls after this one.</summary>
    public void Stored(IReadOnlyList<ArticleDraft> fresh, IReadOnlyList<int> ids)
    {
        for (var i = 0; i < fresh.Count; i++)
        {
            var draft = fresh[i];
            _byUrl[draft.Article.Url] = new Known(ids[i], draft.Article.Url, draft.Article.ItemKey, draft.TitleKey, draft.Article.SourceId, []);
        }
    }

    /// <summary>A stored article (or one being stored, at position <see cref="Fresh"/> of its call) that a draft may repeat.</summary>
    private sealed record Known(int Id, string Url, string ItemKey, string TitleKey, int SourceId, IReadOnlyList<string> AlsoIn)
    {
        public int Fresh { get; init; } = -1;
    }

    public enum Verdict
    {
        /// <summary>Stored already under its item key (or its link already notes this source): nothing to do.</summary>
        Known,

        /// <summary>Its link or title is stored from the same source: an old item under a new id.</summary>
        Recognised,

        /// <summary>Its link is stored from another source, which is to note this one too.</summary>
        Elsewhere,

        /// <summary>To be stored.</summary>
        New,
    }

    /// <param name="Id">For <see cref="Verdict.Elsewhere"/>: the stored article, or null while it is one of the new ones at <paramref name="Fresh"/>.</param>
    /// <param name="Fresh">For <see cref="Verdict.New"/>, and for <see cref="Verdict.Elsewhere"/> without an id: the position among the new ones.</param>
    public readonly record struct Decision(Verdict Kind, int? Id, int Fresh);
}
