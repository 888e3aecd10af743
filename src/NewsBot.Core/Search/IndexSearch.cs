namespace NewsBot.Core.Search;

/// <summary>
/// Runs queries over the <see cref="PostingIndex"/>: each matched word counts by its rarity
/// (twice in a title), phrases must appear as written, exclusions remove, and newer wins ties.
/// Reads only; <see cref="ArticleIndex"/> holds its read lock around every call, and searches
/// run side by side.
/// </summary>
internal sealed class IndexSearch(PostingIndex postings, ArticleSlots slots)
{
    private readonly ConcurrentBag<SearchScratch> _scratch = [];
    private readonly WordSearch _words = new(postings, slots);

    /// <summary>The slots of one page of results, best first, and how many stories match.</summary>
    /// <param name="sourceNames">Every source's name by id, for <c>source:</c>; without it no source matches.</param>
    public IndexPage Run(SearchQuery query, int skip, int take, long nowTicks, IReadOnlyDictionary<int, string>? sourceNames = null)
    {
        using var filters = new QueryBitmaps(postings, slots, sourceNames);
        CompiledQuery? compiled = null;
        if (query.Words.Count > 0 || query.Phrases.Count > 0)
        {
            compiled = CompiledQuery.Compile(query, postings, slots.Live);
            if (compiled is null)
            {
                return new IndexPage([], 0);
            }
        }

        // With words, the filters are tried on the articles the words bring; alone, they say what matches.
        var test = compiled is not null && query.Filters.Count > 0 ? SlotTest.All(query.Filters, filters, slots, sourceNames) : null;
        var filter = compiled is null ? filters.All(query.Filters) : null;

        if (!_scratch.TryTake(out var scratch))
        {
            scratch = new SearchScratch();
        }

        var run = new SearchRun(slots, scratch, skip + take, nowTicks);
        int? total = null;
        if (compiled is null)
        {
            total = CollectFilterMatches(query, filter!, run, scratch);
        }
        else if (compiled.Phrases.Length > 0)
        {
            CollectPhraseMatches(compiled, run, test);
        }
        else
        {
            total = _words.Collect(compiled, run, scratch, test);
        }

        var ranked = run.Finish();
        _scratch.Add(scratch);

        var articles = slots.Articles;
        var ids = new List<int>(Math.Max(0, Math.Min(take, ranked.Length - skip)));
        for (var i = skip; i < ranked.Length && ids.Count < take; i++)
        {
            ids.Add(articles[ranked[i]].Id);
        }

        return new IndexPage(ids, total ?? run.Total);
    }

    /// <summary>
    /// Stories the query, read strictly, matches among those published from
    /// <paramref name="fromTicks"/> on, and the newest <paramref name="take"/> of them (each as
    /// its newest matching report), newest first.
    /// </summary>
    public IndexPage Newest(SearchQuery query, long fromTicks, int take, IReadOnlyDictionary<int, string>? sourceNames)
    {
        using var bitmaps = new QueryBitmaps(postings, slots, sourceNames);
        var matches = bitmaps.Of(query.AsNode());
        var ticks = slots.Ticks;
        var leads = slots.Leads;
        var newestOfStory = new Dictionary<int, int>();
        foreach (var slot in QueryBitmaps.SlotsOf(matches, bitmaps.Words))
        {
            if (ticks[slot] < fromTicks || leads[slot] == ArticleSlots.Removed)
            {
                continue;
            }

            var lead = leads[slot];
            if (!newestOfStory.TryGetValue(lead, out var kept) || ticks[slot] > ticks[kept])
            {
                newestOfStory[lead] = slot;
            }
        }

        var articles = slots.Articles;
        var newest = newestOfStory.Values
            .OrderByDescending(slot => ticks[slot])
            .ThenByDescending(slot => articles[slot].Id)
            .Take(Math.Max(0, take))
            .Select(slot => articles[slot].Id)
            .ToList();
        return new IndexPage(newest, newestOfStory.Count);
    }

    /// <summary>
    /// No plain word or phrase: the filters say what matches, and each match ranks by the
    /// words the filters ask for (by their rarity, twice in a title) and its recency. When each
    /// match has one of those words (<c>a OR b</c>), they are ranked as plain words are, walking
    /// the words' postings and skipping what cannot make the page; the stories matched are then
    /// counted from the bitmap, and returned.
    /// </summary>
    private int? CollectFilterMatches(SearchQuery query, ulong[] filter, SearchRun run, SearchScratch scratch)
    {
        var words = SlotBitmap.WordsFor(slots.Used);
        foreach (var word in query.ExcludedWords)
        {
            if (postings.TryGetId(word, out var id))
            {
                foreach (var posting in postings[id].Span)
                {
                    SlotBitmap.Clear(filter, posting >> 1);
                }
            }
        }

        using var bitmaps = new QueryBitmaps(postings, slots, null);
        foreach (var phrase in query.ExcludedPhrases)
        {
            SlotBitmap.AndNot(filter, bitmaps.Of(new TermNode(phrase, isPhrase: true, titleOnly: false)), words);
        }

        var ranking = query.Filters
            .SelectMany(f => f.RankingWords())
            .Distinct(StringComparer.Ordinal)
            .Select(w => postings.TryGetId(w, out var id) ? id : -1)
            .Where(id => id >= 0)
            .ToArray();
        var idf = ranking.Select(id => postings.Idf(id, slots.Live)).ToArray();
        if (ranking.Length > 0 && _words.Covers(filter, ranking, scratch))
        {
            return _words.CollectWithin(new CompiledQuery(ranking, idf, [], [], []), filter, run, scratch);
        }

        var cursors = ranking.Select(id => new PostingCursor(postings[id])).ToArray();
        foreach (var slot in QueryBitmaps.SlotsOf(filter, words))
        {
            var score = 0.0;
            for (var w = 0; w < cursors.Length; w++)
            {
                var posting = cursors[w].Seek(slot);
                if (posting >= 0)
                {
                    score += (posting & 1) != 0 ? idf[w] * RankingWeights.Title : idf[w];
                }
            }

            run.Match(slot, score);
        }

        return null;
    }

    /// <summary>
    /// Phrases are required: candidates come from the rarest token of any phrase. Candidates
    /// come in increasing slot order, so the words' postings (which say title or summary) are
    /// walked alongside instead of searching each article's tokens.
    /// </summary>
    private void CollectPhraseMatches(CompiledQuery query, SearchRun run, SlotTest? filter)
    {
        var rarest = query.Phrases.SelectMany(p => p).MinBy(t => postings[t].Count);
        var exclusions = new Exclusions(postings, slots, query);
        var words = query.Words.Select(w => new PostingCursor(postings[w])).ToArray();
        var phraseWeights = query.Phrases.Select(p => p.Sum(t => postings.Idf(t, slots.Live))).ToArray();
        var leads = slots.Leads;
        foreach (var posting in postings[rarest].Span)
        {
            var slot = posting >> 1;
            if (leads[slot] == ArticleSlots.Removed || (filter is not null && !filter.Holds(slot)) || !ContainsPhrases(slot, query.Phrases) || exclusions.Excludes(slot))
            {
                continue;
            }

            var phraseScore = 0.0;
            for (var p = 0; p < query.Phrases.Length; p++)
            {
                phraseScore += slots.ContainsPhrase(slot, query.Phrases[p], titleOnly: true) ? phraseWeights[p] * RankingWeights.Title : phraseWeights[p];
            }

            var wordScore = 0.0;
            for (var w = 0; w < words.Length; w++)
            {
                var wordPosting = words[w].Seek(slot);
                if (wordPosting >= 0)
                {
                    wordScore += (wordPosting & 1) != 0 ? query.WordIdf[w] * RankingWeights.Title : query.WordIdf[w];
                }
            }

            run.Match(slot, phraseScore + wordScore);
        }
    }

    private bool ContainsPhrases(int slot, int[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (!slots.ContainsPhrase(slot, phrase))
            {
                return false;
            }
        }

        return true;
    }
}
