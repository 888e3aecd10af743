namespace NewsBot.Tests.Search;

/// <summary>
/// The ranking rules the search tests check the index against, computed directly from each
/// article: every asked word counts by its rarity (twice in a title), newer wins ties, then the
/// earlier indexed; a story of several reports counts once and stands as its best-matching report.
/// A test says what it reads of an article (<typeparamref name="TTerms"/>), where a word stands in
/// it, and which articles a query keeps.
/// </summary>
internal sealed class RankingRules<TTerms>
{
    private readonly List<Entry> _entries = [];
    private readonly Func<TTerms, string, bool> _inTitle;
    private readonly Func<TTerms, string, bool> _inText;

    public RankingRules(IReadOnlyList<Article> articles, Func<Article, TTerms> read, Func<TTerms, string, bool> inTitle, Func<TTerms, string, bool> inText)
    {
        _inTitle = inTitle;
        _inText = inText;
        var leads = new Dictionary<int, int>();
        foreach (var article in articles)
        {
            // A later report joins a story only when the article it names leads one.
            var lead = article.StoryId != 0 && article.StoryId != article.Id
                && leads.TryGetValue(article.StoryId, out var named) && named == article.StoryId
                ? article.StoryId
                : article.Id;
            leads[article.Id] = lead;
            _entries.Add(new Entry(article.Id, lead, _entries.Count, article.PublishedAt.UtcTicks, read(article)));
        }
    }

    /// <summary>
    /// The page of the articles <paramref name="keeps"/> accepts, ranked by <paramref name="asked"/>;
    /// with <paramref name="wordsRequired"/>, an article must also hold one of the asked words
    /// that any article holds.
    /// </summary>
    public IndexPage Search(IReadOnlyList<string> asked, bool wordsRequired, Func<TTerms, bool> keeps, int skip, int take)
    {
        var live = _entries.Count;
        var words = asked.Select(w => (Word: w, Count: _entries.Count(e => _inText(e.Terms, w)))).Where(w => w.Count > 0).ToList();
        if (wordsRequired && words.Count == 0)
        {
            return new IndexPage([], 0);
        }

        var idf = words.Select(w => Math.Log(1.0 + (live / (double)Math.Max(1, w.Count)))).ToList();
        var best = new Dictionary<int, (Entry Entry, double Score)>();
        foreach (var entry in _entries)
        {
            if ((wordsRequired && !words.Any(w => _inText(entry.Terms, w.Word))) || !keeps(entry.Terms))
            {
                continue;
            }

            var score = 0.0;
            for (var w = 0; w < words.Count; w++)
            {
                if (_inTitle(entry.Terms, words[w].Word))
                {
                    score += idf[w] * 2.0;
                }
                else if (_inText(entry.Terms, words[w].Word))
                {
                    score += idf[w];
                }
            }

            // A story stands as its best-matching report; on a tie, the one indexed first.
            if (!best.TryGetValue(entry.Lead, out var kept) || score > kept.Score)
            {
                best[entry.Lead] = (entry, score);
            }
        }

        var now = TestBot.Now.UtcTicks;
        var ranked = best.Values
            .Select(b => (b.Entry, Rank: b.Score + (2.0 * Math.Pow(0.5, Math.Max(0, (now - b.Entry.Ticks) / (double)TimeSpan.TicksPerHour) / 48.0))))
            .OrderByDescending(r => r.Rank)
            .ThenByDescending(r => r.Entry.Ticks)
            .ThenBy(r => r.Entry.Order)
            .Skip(skip)
            .Take(take)
            .Select(r => r.Entry.Id)
            .ToList();
        return new IndexPage(ranked, best.Count);
    }

    private sealed record Entry(int Id, int Lead, int Order, long Ticks, TTerms Terms);
}
