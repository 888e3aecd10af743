using System.Numerics;

namespace NewsBot.Core.Search;

/// <summary>
/// A search for plain words (no phrase): counts the matching stories with bitmaps and ranks by
/// walking the words' posting lists, skipping what cannot make the results. Reads only; runs
/// under <see cref="ArticleIndex"/>'s read lock, side by side with other searches.
/// </summary>
internal sealed class WordSearch(PostingIndex postings, ArticleSlots slots)
{
    // Scores are sums of a few weights; bounds summed in another order may differ in the last bits.
    private const double BoundMargin = 1e-9;

    /// <summary>
    /// Plain words. The count comes from a bitmap of every matching slot, put together from the
    /// words' bitmaps (or postings, for rarer words) a word of 64 slots at a time; exclusions
    /// clear their slots from it. The ranking walks the words' posting lists side by side, in
    /// slot order, and skips what cannot reach the results kept so far: once the worst kept
    /// result scores more than the rarest words can add up to (with the largest recency bonus),
    /// articles that have only those words are not visited at all, and an article too old to
    /// beat it even with every word in its title is not scored.
    /// </summary>
    /// <param name="filter">The query's other parts, tried on each slot the words bring, or null when it has none.</param>
    public int Collect(CompiledQuery query, SearchRun run, SearchScratch scratch, SlotTest? filter = null)
    {
        var used = slots.Used;
        var words = SlotBitmap.WordsFor(used);
        var matches = scratch.ClearMatches(words);
        foreach (var word in query.Words)
        {
            AddTo(matches, word, words);
        }

        if (filter is not null)
        {
            Narrow(matches, filter, words);
        }

        var excludes = ExcludeFrom(matches, query, words) || filter is not null;
        var total = CountStories(matches, words, scratch);
        if (query.Words.Length == 1)
        {
            RankOneWord(query, run, matches, excludes);
        }
        else
        {
            RankWords(query, run, matches, excludes);
        }

        return total;
    }

    /// <summary>
    /// Ranks the slots of <paramref name="matches"/>, which the query's filters worked out, by
    /// <paramref name="query"/>'s words, as <see cref="Collect"/> ranks its own matches; every one
    /// of them must have one of the words at least (see <see cref="Covers"/>).
    /// </summary>
    public int CollectWithin(CompiledQuery query, ulong[] matches, SearchRun run, SearchScratch scratch)
    {
        var total = CountStories(matches, SlotBitmap.WordsFor(slots.Used), scratch);
        if (query.Words.Length == 1)
        {
            RankOneWord(query, run, matches, excludes: true);
        }
        else
        {
            RankWords(query, run, matches, excludes: true);
        }

        return total;
    }

    /// <summary>Whether every slot of <paramref name="matches"/> has one of <paramref name="tokens"/>.</summary>
    public bool Covers(ulong[] matches, int[] tokens, SearchScratch scratch)
    {
        var words = SlotBitmap.WordsFor(slots.Used);
        var union = scratch.ClearMatches(words);
        foreach (var token in tokens)
        {
            AddTo(union, token, words);
        }

        for (var i = 0; i < words; i++)
        {
            if ((matches[i] & ~union[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private void AddTo(ulong[] matches, int token, int words)
    {
        var bitmap = postings.BitmapOf(token);
        if (bitmap.Length != 0)
        {
            SlotBitmap.Or(matches, bitmap, words);
            return;
        }

        foreach (var posting in postings[token].Span)
        {
            var slot = posting >> 1;
            matches[slot >> 6] |= 1UL << slot;
        }
    }

    /// <summary>Clears the slots the filter does not pass.</summary>
    private static void Narrow(ulong[] matches, SlotTest filter, int words)
    {
        for (var i = 0; i < words; i++)
        {
            var word = matches[i];
            var kept = word;
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                if (!filter.Holds((i << 6) + bit))
                {
                    kept &= ~(1UL << bit);
                }
            }

            matches[i] = kept;
        }
    }

    /// <summary>Clears the slots of excluded words and phrases; true when there were any.</summary>
    private bool ExcludeFrom(ulong[] matches, CompiledQuery query, int words)
    {
        foreach (var token in query.ExcludedWords)
        {
            var bitmap = postings.BitmapOf(token);
            if (bitmap.Length != 0)
            {
                SlotBitmap.AndNot(matches, bitmap, words);
                continue;
            }

            foreach (var posting in postings[token].Span)
            {
                SlotBitmap.Clear(matches, posting >> 1);
            }
        }

        foreach (var phrase in query.ExcludedPhrases)
        {
            var rarest = phrase.MinBy(t => postings[t].Count);
            foreach (var posting in postings[rarest].Span)
            {
                var slot = posting >> 1;
                if (SlotBitmap.Test(matches, slot) && slots.ContainsPhrase(slot, phrase))
                {
                    SlotBitmap.Clear(matches, slot);
                }
            }
        }

        return query.ExcludedWords.Count > 0 || query.ExcludedPhrases.Length > 0;
    }

    /// <summary>Live matches alone in their story, plus the stories of several reports that any of theirs match, each once.</summary>
    private int CountStories(ulong[] matches, int words, SearchScratch scratch)
    {
        var total = SlotBitmap.CountBoth(matches, slots.Plain, words);
        var story = slots.Story;
        var leads = slots.Leads;
        var storiesReady = false;

        // Marked with the negated generation, so the ranking that follows still sees each story as new.
        var mark = -scratch.Generation;
        for (var i = 0; i < words; i++)
        {
            var reports = matches[i] & story[i];
            if (reports == 0)
            {
                continue;
            }

            if (!storiesReady)
            {
                scratch.EnsureStories(slots.Used);
                storiesReady = true;
            }

            var seen = scratch.StorySeen;
            while (reports != 0)
            {
                var lead = leads[(i << 6) + BitOperations.TrailingZeroCount(reports)];
                reports &= reports - 1;
                if (seen[lead] != mark)
                {
                    seen[lead] = mark;
                    total++;
                }
            }
        }

        return total;
    }

    /// <summary>One word: a title match scores twice a summary match, so each has its own recency cut-off.</summary>
    private void RankOneWord(CompiledQuery query, SearchRun run, ulong[] matches, bool excludes)
    {
        var list = postings[query.Words[0]];
        var items = list.Items;
        var count = list.Count;
        var ticks = slots.Ticks;
        var inStory = slots.InStory;
        var summaryScore = query.WordIdf[0];
        var titleScore = query.WordIdf[0] * RankingWeights.Title;
        long summaryFrom = long.MinValue, titleFrom = long.MinValue;
        var changes = -1;
        for (var i = 0; i < count; i++)
        {
            var posting = items[i];
            var slot = posting >> 1;
            if (changes != run.Changes)
            {
                changes = run.Changes;
                if (run.Full)
                {
                    var worst = run.WorstScore;
                    if (titleScore + RankingWeights.Recency + BoundMargin < worst)
                    {
                        return; // not even a title match published this instant could make it
                    }

                    summaryFrom = RankingWeights.OldestThatCanReach(worst - summaryScore, run.NowTicks);
                    titleFrom = RankingWeights.OldestThatCanReach(worst - titleScore, run.NowTicks);
                }
            }

            if (ticks[slot] < ((posting & 1) != 0 ? titleFrom : summaryFrom) && !inStory[slot])
            {
                continue;
            }

            if (excludes && !SlotBitmap.Test(matches, slot))
            {
                continue;
            }

            run.Match(slot, (posting & 1) != 0 ? titleScore : summaryScore);
        }
    }

    /// <summary>
    /// Several words (MaxScore): the words are ordered by the most each can add; a word stops
    /// bringing candidates once it and every word that can add less than it cannot, together,
    /// reach the worst kept result. Such words are still looked up (by galloping along their
    /// postings) for the articles the other words bring, so every score is complete.
    /// </summary>
    private void RankWords(CompiledQuery query, SearchRun run, ulong[] matches, bool excludes)
    {
        var words = query.Words.Length;
        var items = new int[words][];
        var counts = new int[words];
        var titleScores = new double[words];
        var order = new int[words];
        for (var w = 0; w < words; w++)
        {
            var list = postings[query.Words[w]];
            items[w] = list.Items;
            counts[w] = list.Count;
            titleScores[w] = query.WordIdf[w] * RankingWeights.Title;
            order[w] = w;
        }

        // Least first; prefix[j] is the most the first j words of that order can add together.
        Array.Sort(order, (a, b) => titleScores[a].CompareTo(titleScores[b]));
        var prefix = new double[words + 1];
        for (var j = 0; j < words; j++)
        {
            prefix[j + 1] = prefix[j] + titleScores[order[j]];
        }

        // The most any article can score: every word in its title, summed as the score is.
        var most = 0.0;
        for (var w = 0; w < words; w++)
        {
            most += titleScores[w];
        }

        Span<int> at = words <= 32 ? stackalloc int[words] : new int[words];
        Span<double> scores = words <= 32 ? stackalloc double[words] : new double[words];
        var ticks = slots.Ticks;
        var inStory = slots.InStory;
        var wordIdf = query.WordIdf;
        var essential = 0;
        var from = long.MinValue;
        var changes = -1;
        while (true)
        {
            if (changes != run.Changes)
            {
                changes = run.Changes;
                if (run.Full)
                {
                    var worst = run.WorstScore;
                    while (essential < words && prefix[essential + 1] + RankingWeights.Recency + BoundMargin < worst)
                    {
                        essential++;
                    }

                    if (essential == words)
                    {
                        return;
                    }

                    from = RankingWeights.OldestThatCanReach(worst - most, run.NowTicks);
                }
            }

            var slot = int.MaxValue;
            for (var j = essential; j < words; j++)
            {
                var w = order[j];
                if (at[w] < counts[w])
                {
                    slot = Math.Min(slot, items[w][at[w]] >> 1);
                }
            }

            if (slot == int.MaxValue)
            {
                return;
            }

            for (var j = essential; j < words; j++)
            {
                var w = order[j];
                scores[w] = 0;
                if (at[w] < counts[w] && items[w][at[w]] >> 1 == slot)
                {
                    scores[w] = (items[w][at[w]] & 1) != 0 ? titleScores[w] : wordIdf[w];
                    at[w]++;
                }
            }

            if ((ticks[slot] < from && !inStory[slot]) || (excludes && !SlotBitmap.Test(matches, slot)))
            {
                continue;
            }

            for (var j = 0; j < essential; j++)
            {
                var w = order[j];
                var posting = PostingList.Gallop(items[w], counts[w], ref at[w], slot);
                scores[w] = posting < 0 ? 0 : (posting & 1) != 0 ? titleScores[w] : wordIdf[w];
            }

            // In word order, as the score has always been summed (adding a zero changes nothing).
            var score = 0.0;
            for (var w = 0; w < words; w++)
            {
                score += scores[w];
            }

            run.Match(slot, score);
        }
    }
}
