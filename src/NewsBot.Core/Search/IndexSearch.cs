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
    public IndexPage Run(SearchQuery query, int skip, int take, long nowTicks)
    {
        var compiled = CompiledQuery.Compile(query, postings, slots.Live);
        if (compiled is null)
        {
            return new IndexPage([], 0);
        }

        if (!_scratch.TryTake(out var scratch))
        {
            scratch = new SearchScratch();
        }

        var run = new SearchRun(slots, scratch, skip + take, nowTicks);
        int? total = null;
        if (compiled.Phrases.Length > 0)
        {
            CollectPhraseMatches(compiled, run);
        }
        else
        {
            total = _words.Collect(compiled, run, scratch);
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
    /// Phrases are required: candidates come from the rarest token of any phrase. Candidates
    /// come in increasing slot order, so the words' postings (which say title or summary) are
    /// walked alongside instead of searching each article's tokens.
    /// </summary>
    private void CollectPhraseMatches(CompiledQuery query, SearchRun run)
    {
        var rarest = query.Phrases.SelectMany(p => p).MinBy(t => postings[t].Count);
        var exclusions = new Exclusions(postings, slots, query);
        var words = query.Words.Select(w => new PostingCursor(postings[w])).ToArray();
        var phraseWeights = query.Phrases.Select(p => p.Sum(t => postings.Idf(t, slots.Live))).ToArray();
        var leads = slots.Leads;
        foreach (var posting in postings[rarest].Span)
        {
            var slot = posting >> 1;
            if (leads[slot] == ArticleSlots.Removed || !ContainsPhrases(slot, query.Phrases) || exclusions.Excludes(slot))
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
