namespace NewsBot.Core.Search;

/// <summary>
/// A <see cref="SearchQuery"/> in the index's own terms: token ids, and each word's weight.
/// Words the index does not know are left out; a required phrase with such a word matches
/// nothing, so the query does not compile.
/// </summary>
internal sealed record CompiledQuery(
    int[] Words,
    double[] WordIdf,
    int[][] Phrases,
    HashSet<int> ExcludedWords,
    int[][] ExcludedPhrases)
{
    /// <summary>The compiled query, or null when nothing can match it.</summary>
    public static CompiledQuery? Compile(SearchQuery query, PostingIndex postings, int articles)
    {
        var words = new List<int>();
        var wordIdf = new List<double>();
        foreach (var word in query.Words)
        {
            if (postings.TryGetId(word, out var id))
            {
                words.Add(id);
                wordIdf.Add(postings.Idf(id, articles));
            }
        }

        var phrases = new List<int[]>();
        foreach (var phrase in query.Phrases)
        {
            var ids = new int[phrase.Count];
            for (var i = 0; i < phrase.Count; i++)
            {
                if (!postings.TryGetId(phrase[i], out ids[i]))
                {
                    return null; // a required phrase with an unknown word matches nothing
                }
            }

            phrases.Add(ids);
        }

        if (words.Count == 0 && phrases.Count == 0)
        {
            return null;
        }

        var excludedWords = query.ExcludedWords
            .Select(w => postings.TryGetId(w, out var id) ? id : -2)
            .Where(id => id >= 0)
            .ToHashSet();
        var excludedPhrases = new List<int[]>();
        foreach (var phrase in query.ExcludedPhrases)
        {
            var ids = new int[phrase.Count];
            var known = true;
            for (var i = 0; i < phrase.Count && known; i++)
            {
                known = postings.TryGetId(phrase[i], out ids[i]);
            }

            if (known)
            {
                excludedPhrases.Add(ids);
            }
        }

        return new CompiledQuery([.. words], [.. wordIdf], [.. phrases], excludedWords, [.. excludedPhrases]);
    }
}
