namespace NewsBot.Core.Search;

/// <summary>
/// Finds the indexed story a new article reports too. Two reports are one story when they come
/// from different sources, were published close together, share at least two uncommon title
/// words, and their words overlap strongly (idf-weighted cosine, title words counting double).
/// </summary>
/// <remarks>
/// Weights live in arrays indexed by word, reused from one call to the next
/// (<see cref="StoryScratch"/>; calls may run at once, each with its own), rather than in a dictionary per candidate: a new article is
/// compared with dozens of candidates, and those dictionaries were most of what ingest
/// allocated. Sums run in the same order as they always did, so the scores are the same to the bit.
/// </remarks>
internal sealed class StoryFinder(PostingIndex postings, ArticleSlots slots)
{
    // Taken by a call and handed back after it: one for each call that ran at once, no more.
    private readonly ConcurrentBag<StoryScratch> _scratches = [];

    /// <summary>The id of the story's lead, or null.</summary>
    public int? Find(Article article, StoryWords words, TimeSpan window, double threshold)
    {
        if (!_scratches.TryTake(out var scratch))
        {
            scratch = new StoryScratch();
        }

        try
        {
            scratch.Begin(postings.VocabularySize);
            return Find(scratch, article, words, window, threshold);
        }
        finally
        {
            _scratches.Add(scratch);
        }
    }

    private int? Find(StoryScratch scratch, Article article, StoryWords words, TimeSpan window, double threshold)
    {
        var live = slots.Live;
        var normA = CandidateWeights(scratch, words, live);
        if (scratch.CandidateWords.Count == 0)
        {
            return null;
        }

        var rareLimit = Math.Max(5, live / 50);
        var leads = slots.Leads;
        var articles = slots.Articles;
        var ticks = slots.Ticks;
        var sharedRare = scratch.SharedRare;
        var titleWordSeen = scratch.NextMark();
        foreach (var token in words.Title)
        {
            if (!postings.TryGetId(token, out var tokenId) || !scratch.Mark(tokenId, titleWordSeen) || postings[tokenId].Count > rareLimit)
            {
                continue;
            }

            foreach (var posting in postings[tokenId].Span)
            {
                var slot = posting >> 1;
                if (leads[slot] != ArticleSlots.Removed && articles[slot].SourceId != article.SourceId
                    && Math.Abs(ticks[slot] - article.PublishedAt.UtcTicks) <= window.Ticks)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(sharedRare, slot, out _)++;
                }
            }
        }

        int? bestLead = null;
        var bestScore = threshold;
        foreach (var (slot, shared) in sharedRare)
        {
            if (shared < 2)
            {
                continue;
            }

            var score = Cosine(scratch, normA, slot, live);
            if (score >= bestScore)
            {
                bestScore = score;
                bestLead = articles[leads[slot]].Id;
            }
        }

        return bestLead;
    }

    /// <summary>The new article's known words and their weights, the larger where a word is in both parts; returns the sum of their squares.</summary>
    private double CandidateWeights(StoryScratch scratch, StoryWords words, int live)
    {
        foreach (var (tokens, factor) in new[] { (words.Title, RankingWeights.Title), (words.Summary, 1.0) })
        {
            foreach (var token in tokens)
            {
                if (postings.TryGetId(token, out var id))
                {
                    scratch.AddCandidateWord(id, Idf(scratch, id, live) * factor);
                }
            }
        }

        var norm = 0.0;
        foreach (var id in scratch.CandidateWords)
        {
            var weight = scratch.CandidateWeight[id];
            norm += weight * weight;
        }

        return norm;
    }

    /// <summary>The cosine between the new article and the one in <paramref name="slot"/>, both weighted as in <see cref="CandidateWeights"/>.</summary>
    private double Cosine(StoryScratch scratch, double normA, int slot, int live)
    {
        var tokens = slots.TokensOf(slot);
        var titleLength = slots.Articles[slot].TitleLength;
        var seen = scratch.NextMark();
        var order = scratch.OtherWords;
        order.Clear();
        var weights = scratch.OtherWeight;
        for (var i = 0; i < tokens.Length; i++)
        {
            var id = tokens[i];
            if (id < 0)
            {
                continue;
            }

            var weight = Idf(scratch, id, live) * (i < titleLength ? RankingWeights.Title : 1.0);
            if (scratch.Mark(id, seen))
            {
                weights[id] = weight;
                order.Add(id);
            }
            else
            {
                weights[id] = Math.Max(weights[id], weight);
            }
        }

        double dot = 0, normB = 0;
        foreach (var id in scratch.CandidateWords)
        {
            if (scratch.IsMarked(id, seen))
            {
                dot += scratch.CandidateWeight[id] * weights[id];
            }
        }

        foreach (var id in order)
        {
            normB += weights[id] * weights[id];
        }

        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }

    private double Idf(StoryScratch scratch, int id, int live)
    {
        if (!scratch.HasIdf(id))
        {
            scratch.SetIdf(id, postings.Idf(id, live));
        }

        return scratch.IdfOf(id);
    }
}
