using System.Runtime.InteropServices;
using NewsBot.Core.Articles;

namespace NewsBot.Core.Search;

/// <summary>
/// The in-memory index over every stored article: an inverted index of title and summary
/// tokens for search, and date-ordered sets (all articles, and per topic) for the newest-first
/// lists. Built from the store at start and kept in step on ingest; the store stays the truth.
/// Safe for many readers and one writer at a time.
/// </summary>
public sealed class ArticleIndex : IDisposable
{
    private const double TitleWeight = 2.0;
    private const double RecencyWeight = 2.0;
    private const double RecencyHalfLifeHours = 48.0;
    private const int PhraseSeparator = -1;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
    private readonly List<List<int>> _postings = [];
    private readonly Dictionary<int, Entry> _entries = [];
    private readonly SortedSet<DateKey> _byDate = new(NewestFirst.Instance);
    private readonly Dictionary<string, SortedSet<DateKey>> _byTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _storyMembers = [];
    private int _stalePostings;

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _entries.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public void Add(Article article) => AddRange([article]);

    public void AddRange(IEnumerable<Article> articles)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var article in articles)
            {
                AddUnlocked(article);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Remove(IEnumerable<int> ids)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in ids)
            {
                if (!_entries.Remove(id, out var entry))
                {
                    continue;
                }

                _stalePostings += entry.DistinctTokens;
                if (entry.Lead != entry.Id)
                {
                    _storyMembers.GetValueOrDefault(entry.Lead)?.Remove(id);
                    continue;
                }

                var key = new DateKey(entry.Ticks, id);
                _byDate.Remove(key);
                foreach (var topic in entry.Topics)
                {
                    if (_byTopic.TryGetValue(topic, out var set))
                    {
                        set.Remove(key);
                        if (set.Count == 0)
                        {
                            _byTopic.Remove(topic);
                        }
                    }
                }

                // The story lives on in its next report, which now leads it.
                if (_storyMembers.Remove(id, out var members) && members.Count > 0)
                {
                    var next = members.Select(m => _entries[m]).MinBy(m => m.Ticks)!;
                    next.Lead = next.Id;
                    AddToLists(next);
                    members.Remove(next.Id);
                    foreach (var member in members)
                    {
                        _entries[member].Lead = next.Id;
                    }

                    if (members.Count > 0)
                    {
                        _storyMembers[next.Id] = members;
                    }
                }
            }

            if (_stalePostings > 10_000 && _stalePostings > _entries.Count)
            {
                CompactPostings();
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Contains(int id)
    {
        _lock.EnterReadLock();
        try
        {
            return _entries.ContainsKey(id);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Newest articles first.</summary>
    public IndexPage Latest(int skip, int take) => Page(_byDate, skip, take);

    /// <summary>Newest articles in a topic first; an unknown topic gives an empty page.</summary>
    public IndexPage LatestInTopic(string topic, int skip, int take)
    {
        _lock.EnterReadLock();
        try
        {
            return _byTopic.TryGetValue(TopicNames.Normalize(topic), out var set)
                ? PageUnlocked(set, skip, take)
                : new IndexPage([], 0);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Every topic with its article count, largest first.</summary>
    public IReadOnlyList<TopicCount> Topics()
    {
        _lock.EnterReadLock();
        try
        {
            return _byTopic
                .Select(pair => new TopicCount(pair.Key, pair.Value.Count))
                .OrderByDescending(t => t.Count)
                .ThenBy(t => t.Topic, StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Articles matching the query, best first: each matched word counts by its rarity (twice
    /// in a title), phrases must appear as written, exclusions remove, and newer wins ties.
    /// </summary>
    public IndexPage Search(SearchQuery query, int skip, int take, DateTimeOffset now)
    {
        if (query.IsEmpty || take <= 0)
        {
            return new IndexPage([], 0);
        }

        _lock.EnterReadLock();
        try
        {
            return SearchUnlocked(query, skip, take, now.UtcTicks);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Whether one indexed article matches a query (used to match subscriptions).</summary>
    public bool Matches(SearchQuery query, int id)
    {
        if (query.IsEmpty)
        {
            return false;
        }

        _lock.EnterReadLock();
        try
        {
            if (!_entries.TryGetValue(id, out var entry))
            {
                return false;
            }

            var compiled = Compile(query);
            return compiled is not null && Accepts(entry, compiled) && MatchesAnyPositive(entry, compiled);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The lead of an indexed story from another source that <paramref name="article"/> reports
    /// too, or null. Two reports are one story when they were published within
    /// <paramref name="window"/> of each other, share at least two uncommon title words, and
    /// their words overlap strongly (idf-weighted cosine, title words counting double).
    /// </summary>
    public int? FindStory(Article article, TimeSpan window, double threshold = 0.3)
    {
        _lock.EnterReadLock();
        try
        {
            var candidateWeights = Weights(TextTokenizer.Tokenize(article.Title), TextTokenizer.Tokenize(article.Summary));
            if (candidateWeights.Count == 0)
            {
                return null;
            }

            var rareLimit = Math.Max(5, _entries.Count / 50);
            var sharedRare = new Dictionary<int, int>();
            foreach (var token in TextTokenizer.Tokenize(article.Title).Distinct(StringComparer.Ordinal))
            {
                if (!_tokenIds.TryGetValue(token, out var tokenId) || _postings[tokenId].Count > rareLimit)
                {
                    continue;
                }

                foreach (var id in _postings[tokenId])
                {
                    if (_entries.TryGetValue(id, out var other) && other.SourceId != article.SourceId
                        && Math.Abs(other.Ticks - article.PublishedAt.UtcTicks) <= window.Ticks)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(sharedRare, id, out _)++;
                    }
                }
            }

            int? bestLead = null;
            var bestScore = threshold;
            foreach (var (id, shared) in sharedRare)
            {
                if (shared < 2)
                {
                    continue;
                }

                var other = _entries[id];
                var score = Cosine(candidateWeights, EntryWeights(other));
                if (score >= bestScore)
                {
                    bestScore = score;
                    bestLead = other.Lead;
                }
            }

            return bestLead;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    private Dictionary<int, double> Weights(IEnumerable<string> title, IEnumerable<string> summary)
    {
        var weights = new Dictionary<int, double>();
        foreach (var (tokens, factor) in new[] { (title, TitleWeight), (summary, 1.0) })
        {
            foreach (var token in tokens)
            {
                if (_tokenIds.TryGetValue(token, out var id))
                {
                    var weight = Idf(id) * factor;
                    ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(weights, id, out _);
                    slot = Math.Max(slot, weight);
                }
            }
        }

        return weights;
    }

    private Dictionary<int, double> EntryWeights(Entry entry)
    {
        var weights = new Dictionary<int, double>();
        for (var i = 0; i < entry.Tokens.Length; i++)
        {
            var id = entry.Tokens[i];
            if (id < 0)
            {
                continue;
            }

            var weight = Idf(id) * (i < entry.TitleLength ? TitleWeight : 1.0);
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(weights, id, out _);
            slot = Math.Max(slot, weight);
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

    private void AddUnlocked(Article article)
    {
        if (_entries.ContainsKey(article.Id))
        {
            return;
        }

        var titleTokens = TextTokenizer.Tokenize(article.Title);
        var summaryTokens = TextTokenizer.Tokenize(article.Summary);
        var tokens = new int[titleTokens.Count + 1 + summaryTokens.Count];
        var seen = new HashSet<int>();
        var position = 0;
        foreach (var token in titleTokens)
        {
            tokens[position++] = Intern(token, article.Id, seen);
        }

        tokens[position++] = PhraseSeparator;
        foreach (var token in summaryTokens)
        {
            tokens[position++] = Intern(token, article.Id, seen);
        }

        var topics = article.Topics.Select(TopicNames.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        var entry = new Entry(article.Id, article.PublishedAt.UtcTicks, tokens, titleTokens.Count, topics, seen.Count, article.SourceId);
        _entries.Add(article.Id, entry);

        // A later report of a story already indexed stays out of the lists: the story shows once.
        if (article.StoryId != 0 && article.StoryId != article.Id && _entries.TryGetValue(article.StoryId, out var lead) && lead.Lead == lead.Id)
        {
            entry.Lead = lead.Id;
            if (!_storyMembers.TryGetValue(lead.Id, out var members))
            {
                members = [];
                _storyMembers.Add(lead.Id, members);
            }

            members.Add(entry.Id);
            return;
        }

        entry.Lead = entry.Id;
        AddToLists(entry);
    }

    private void AddToLists(Entry entry)
    {
        var key = new DateKey(entry.Ticks, entry.Id);
        _byDate.Add(key);
        foreach (var topic in entry.Topics)
        {
            if (!_byTopic.TryGetValue(topic, out var set))
            {
                set = new SortedSet<DateKey>(NewestFirst.Instance);
                _byTopic.Add(topic, set);
            }

            set.Add(key);
        }
    }

    private int Intern(string token, int articleId, HashSet<int> seenInArticle)
    {
        ref var tokenId = ref CollectionsMarshal.GetValueRefOrAddDefault(_tokenIds, token, out var exists);
        if (!exists)
        {
            tokenId = _postings.Count;
            _postings.Add([]);
        }

        if (seenInArticle.Add(tokenId))
        {
            var postings = _postings[tokenId];
            // Ids usually arrive in increasing order; keep the list sorted when they do not.
            if (postings.Count == 0 || postings[^1] < articleId)
            {
                postings.Add(articleId);
            }
            else
            {
                var at = postings.BinarySearch(articleId);
                if (at < 0)
                {
                    postings.Insert(~at, articleId);
                }
            }
        }

        return tokenId;
    }

    private void CompactPostings()
    {
        foreach (var postings in _postings)
        {
            postings.RemoveAll(id => !_entries.ContainsKey(id));
        }

        _stalePostings = 0;
    }

    private IndexPage Page(SortedSet<DateKey> set, int skip, int take)
    {
        _lock.EnterReadLock();
        try
        {
            return PageUnlocked(set, skip, take);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private static IndexPage PageUnlocked(SortedSet<DateKey> set, int skip, int take)
    {
        var ids = new List<int>(Math.Max(0, Math.Min(take, set.Count)));
        if (take > 0 && skip < set.Count)
        {
            var index = 0;
            foreach (var key in set)
            {
                if (index++ < skip)
                {
                    continue;
                }

                ids.Add(key.Id);
                if (ids.Count == take)
                {
                    break;
                }
            }
        }

        return new IndexPage(ids, set.Count);
    }

    private IndexPage SearchUnlocked(SearchQuery query, int skip, int take, long nowTicks)
    {
        var compiled = Compile(query);
        if (compiled is null)
        {
            return new IndexPage([], 0);
        }

        var scores = new Dictionary<int, double>();
        if (compiled.Phrases.Length > 0)
        {
            // Phrases are required: candidates come from the rarest token of any phrase.
            var rarest = compiled.Phrases.SelectMany(p => p).MinBy(t => _postings[t].Count);
            foreach (var id in _postings[rarest])
            {
                if (_entries.TryGetValue(id, out var entry) && compiled.Phrases.All(p => ContainsPhrase(entry, p)))
                {
                    scores[id] = PhraseScore(entry, compiled) + WordScore(entry, compiled);
                }
            }
        }
        else
        {
            for (var w = 0; w < compiled.Words.Length; w++)
            {
                var tokenId = compiled.Words[w];
                var idf = compiled.WordIdf[w];
                foreach (var id in _postings[tokenId])
                {
                    if (!_entries.TryGetValue(id, out var entry))
                    {
                        continue;
                    }

                    ref var score = ref CollectionsMarshal.GetValueRefOrAddDefault(scores, id, out _);
                    score += idf * (InTitle(entry, tokenId) ? TitleWeight : 1.0);
                }
            }
        }

        // One result per story: the report that matches best stands for it.
        var perStory = new Dictionary<int, (int Id, double Score)>();
        foreach (var (id, matchScore) in scores)
        {
            var entry = _entries[id];
            if (!Accepts(entry, compiled))
            {
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(perStory, entry.Lead, out var exists);
            if (!exists || matchScore > slot.Score)
            {
                slot = (id, matchScore);
            }
        }

        var keep = skip + take;
        var best = new PriorityQueue<int, (double Score, long Ticks)>(keep + 1, WorstFirst.Instance);
        var total = 0;
        foreach (var (_, (id, matchScore)) in perStory)
        {
            var entry = _entries[id];
            total++;
            var ageHours = Math.Max(0, (nowTicks - entry.Ticks) / (double)TimeSpan.TicksPerHour);
            var score = matchScore + (RecencyWeight * Math.Pow(0.5, ageHours / RecencyHalfLifeHours));
            best.Enqueue(id, (score, entry.Ticks));
            if (best.Count > keep)
            {
                best.Dequeue();
            }
        }

        var ranked = new int[best.Count];
        for (var i = ranked.Length - 1; i >= 0; i--)
        {
            ranked[i] = best.Dequeue();
        }

        return new IndexPage(ranked.Skip(skip).Take(take).ToList(), total);
    }

    private CompiledQuery? Compile(SearchQuery query)
    {
        var words = new List<int>();
        var wordIdf = new List<double>();
        foreach (var word in query.Words)
        {
            if (_tokenIds.TryGetValue(word, out var id))
            {
                words.Add(id);
                wordIdf.Add(Idf(id));
            }
        }

        var phrases = new List<int[]>();
        foreach (var phrase in query.Phrases)
        {
            var ids = new int[phrase.Count];
            for (var i = 0; i < phrase.Count; i++)
            {
                if (!_tokenIds.TryGetValue(phrase[i], out ids[i]))
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
            .Select(w => _tokenIds.TryGetValue(w, out var id) ? id : -2)
            .Where(id => id >= 0)
            .ToHashSet();
        var excludedPhrases = new List<int[]>();
        foreach (var phrase in query.ExcludedPhrases)
        {
            var ids = new int[phrase.Count];
            var known = true;
            for (var i = 0; i < phrase.Count && known; i++)
            {
                known = _tokenIds.TryGetValue(phrase[i], out ids[i]);
            }

            if (known)
            {
                excludedPhrases.Add(ids);
            }
        }

        return new CompiledQuery([.. words], [.. wordIdf], [.. phrases], excludedWords, [.. excludedPhrases]);
    }

    private double Idf(int tokenId) => Math.Log(1.0 + (_entries.Count / (double)Math.Max(1, _postings[tokenId].Count)));

    private double PhraseScore(Entry entry, CompiledQuery query)
    {
        var score = 0.0;
        foreach (var phrase in query.Phrases)
        {
            var weight = phrase.Sum(Idf);
            score += ContainsPhrase(entry, phrase, titleOnly: true) ? weight * TitleWeight : weight;
        }

        return score;
    }

    private static double WordScore(Entry entry, CompiledQuery query)
    {
        var score = 0.0;
        for (var w = 0; w < query.Words.Length; w++)
        {
            var tokenId = query.Words[w];
            if (InTitle(entry, tokenId))
            {
                score += query.WordIdf[w] * TitleWeight;
            }
            else if (Array.IndexOf(entry.Tokens, tokenId) >= 0)
            {
                score += query.WordIdf[w];
            }
        }

        return score;
    }

    private static bool Accepts(Entry entry, CompiledQuery query)
    {
        if (query.ExcludedWords.Count > 0)
        {
            foreach (var token in entry.Tokens)
            {
                if (query.ExcludedWords.Contains(token))
                {
                    return false;
                }
            }
        }

        foreach (var phrase in query.ExcludedPhrases)
        {
            if (ContainsPhrase(entry, phrase))
            {
                return false;
            }
        }

        foreach (var phrase in query.Phrases)
        {
            if (!ContainsPhrase(entry, phrase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesAnyPositive(Entry entry, CompiledQuery query) =>
        query.Phrases.Length > 0 || query.Words.Any(w => Array.IndexOf(entry.Tokens, w) >= 0);

    private static bool InTitle(Entry entry, int tokenId) =>
        Array.IndexOf(entry.Tokens, tokenId, 0, entry.TitleLength) >= 0;

    private static bool ContainsPhrase(Entry entry, int[] phrase, bool titleOnly = false)
    {
        var tokens = entry.Tokens.AsSpan(0, titleOnly ? entry.TitleLength : entry.Tokens.Length);
        return tokens.IndexOf(phrase) >= 0;
    }

    private sealed record Entry(int Id, long Ticks, int[] Tokens, int TitleLength, string[] Topics, int DistinctTokens, int SourceId)
    {
        /// <summary>The story this article belongs to; equal to <see cref="Id"/> for a story's lead.</summary>
        public int Lead { get; set; }
    }

    private sealed record CompiledQuery(
        int[] Words,
        double[] WordIdf,
        int[][] Phrases,
        HashSet<int> ExcludedWords,
        int[][] ExcludedPhrases);

    private readonly record struct DateKey(long Ticks, int Id);

    private sealed class NewestFirst : IComparer<DateKey>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(DateKey x, DateKey y)
        {
            var byTime = y.Ticks.CompareTo(x.Ticks);
            return byTime != 0 ? byTime : y.Id.CompareTo(x.Id);
        }
    }

    private sealed class WorstFirst : IComparer<(double Score, long Ticks)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, long Ticks) x, (double Score, long Ticks) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : x.Ticks.CompareTo(y.Ticks);
        }
    }
}
