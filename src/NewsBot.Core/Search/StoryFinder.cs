namespace NewsBot.Core.Search;

/// <summary>
/// Finds the indexed story a new article reports too. Two reports are one story when they come
/// from different sources, were published close together, share at least two uncommon title
/// words, and their words overlap strongly (idf-weighted cosine, title words counting double).
/// </summary>
internal sealed class StoryFinder(PostingIndex postings, ArticleSlots slots)
{
    /// <summary>The id of the story's lead, or null.</summary>
    public int? Find(Article article, StoryWords words, TimeSpan window, double threshold)
    {
        var candidateWeights = Weights(words.Title, words.Summary);
        if (candidateWeights.Count == 0)
        {
            return null;
        }

        var rareLimit = Math.Max(5, slots.Live / 50);
        var leads = slots.Leads;
        var articles = slots.Articles;
        var ticks = slots.Ticks;
        var sharedRare = new Dictionary<int, int>();
        foreach (var token in words.Title.Distinct(StringComparer.Ordinal))
        {
            if (!postings.TryGetId(token, out var tokenId) || postings[tokenId].Count > rareLimit)
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

            var score = Cosine(candidateWeights, ArticleWeights(slot));
            if (score >= bestScore)
            {
                bestScore = score;
                bestLead = articles[leads[slot]].Id;
            }
        }

        return bestLead;
    }

    private Dictionary<int, double> Weights(IEnumerable<string> title, IEnumerable<string> summary)
    {
        var weights = new Dictionary<int, double>();
        foreach (var (tokens, factor) in new[] { (title, RankingWeights.Title), (summary, 1.0) })
        {
            foreach (var token in tokens)
            {
                if (postings.TryGetId(token, out var id))
                {
                    var weight = postings.Idf(id, slots.Live) * factor;
                    ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(weights, id, out _);
                    slot = Math.Max(slot, weight);
                }
            }
        }

        return weights;
    }

    private Dictionary<int, double> ArticleWeights(int slot)
    {
        var weights = new Dictionary<int, double>();
        var tokens = slots.TokensOf(slot);
        var titleLength = slots.Articles[slot].TitleLength;
        for (var i = 0; i < tokens.Length; i++)
        {
            var id = tokens[i];
            if (id < 0)
            {
                continue;
            }

            var weight = postings.Idf(id, slots.Live) * (i < titleLength ? RankingWeights.Title : 1.0);
            ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(weights, id, out _);
            best = Math.Max(best, weight);
        }

        return weights;
    }

    private static double Cosine(Dictionary<int, double> a, Dictionary<int, double> b)
    {
        double dot = 0, normA = 0, normB = 0;
        foreach (var (id, weight) in a)
        {
            normA += weight * weight;
            if (b.TryGetValue(id, out var other))
            {
                dot += weight * other;
            }
        }

        foreach (var weight in b.Values)
        {
            normB += weight * weight;
        }

        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }
}
