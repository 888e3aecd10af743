using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NewsBot.Core.Articles;

namespace NewsBot.Core.Search;

/// <summary>
/// The in-memory index over every stored article: an inverted index of title and summary
/// tokens for search, and date-ordered sets (all articles, and per topic) for the newest-first
/// lists. Built from the store at start and kept in step on ingest; the store stays the truth.
/// Safe for many readers and one writer at a time.
/// </summary>
/// <remarks>
/// Articles are numbered internally by "slot", in the order they are added, so every posting
/// list is sorted by slot simply by appending, and what is known of an article sits in arrays
/// indexed by slot rather than in an object of its own (fewer objects for the garbage collector
/// to trace and copy while the index is built at start). The search loop reads only the
/// publication times and story leads. A posting is <c>(slot &lt;&lt; 1) | inTitle</c>: the search
/// never has to look at an article to weigh a title match. An article's tokens (title,
/// separator, summary) lie in a shared pool. Removed articles leave stale postings and tokens
/// until a compaction drops them and renumbers the slots.
/// </remarks>
public sealed class ArticleIndex : IDisposable
{
    private const double TitleWeight = 2.0;
    private const double RecencyWeight = 2.0;
    private const double RecencyHalfLifeHours = 48.0;
    private const int PhraseSeparator = -1;
    private const int RemovedSlot = -1;

    // Batches this large go into the date-ordered sets as one sorted merge instead of one
    // tree insert per article.
    private const int BulkListThreshold = 256;

    // Words longer than this are folded through the allocating path; they are rare.
    private const int TokenBufferLength = 128;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly List<PostingList> _postings = [];
    private readonly Dictionary<int, int> _slotById = [];
    private readonly Dictionary<string, SortedSet<DateKey>> _byTopic = new(StringComparer.Ordinal);

    // Articles share their topic arrays: there are few combinations of a few topics.
    private readonly Dictionary<string[], string[]> _topicSets = new(SameTopics.Instance);

    // Story lead slot → the slots of its later reports.
    private readonly Dictionary<int, List<int>> _storyMembers = [];
    private readonly ConcurrentBag<SearchScratch> _scratch = [];

    // Per slot; valid below _slotCount. _leads holds the slot of the story's lead (the slot
    // itself for a lead) or RemovedSlot; _inStory marks reports of a story told by more than one.
    private ArticleInfo[] _articles = [];
    private long[] _ticks = [];
    private int[] _leads = [];
    private bool[] _inStory = [];
    private int _slotCount;

    private TokenPool _tokens = new();

    private SortedSet<DateKey> _byDate = new(NewestFirst.Instance);
    private int _stalePostings;

    // Writer-only: per token, the number of the last article that posted it, so an article
    // posts each token once.
    private int[] _lastPostedBy = [];
    private int _addNumber;

    public ArticleIndex()
    {
        _tokenLookup = _tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _slotById.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public void Add(Article article) => AddRange([article]);

    /// <summary>
    /// Adds articles not indexed yet. A large batch (the whole store at start) goes into the
    /// date-ordered lists in one sorted merge at the end.
    /// </summary>
    /// <remarks>
    /// This and the few methods it spends its time in are compiled optimised from the first call
    /// (AggressiveOptimization): at start they run once over millions of tokens, which would
    /// otherwise mostly go through unoptimised first-tier code (about 0.3 s of a 100,000-article
    /// start).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRange(IEnumerable<Article> articles)
    {
        _lock.EnterWriteLock();
        try
        {
            var pending = new PendingLists();
            try
            {
                foreach (var article in articles)
                {
                    AddUnlocked(article, pending);
                }
            }
            finally
            {
                // Also after a failure half-way, so what was indexed is listed too.
                AddToLists(pending);
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
                if (!_slotById.Remove(id, out var slot))
                {
                    continue;
                }

                ref readonly var article = ref _articles[slot];
                var lead = _leads[slot];
                _leads[slot] = RemovedSlot;
                _inStory[slot] = false;
                _stalePostings += article.DistinctTokens;
                if (lead != slot)
                {
                    if (_storyMembers.TryGetValue(lead, out var siblings))
                    {
                        siblings.Remove(slot);
                        _inStory[lead] = siblings.Count > 0;
                    }

                    continue;
                }

                var key = new DateKey(_ticks[slot], id);
                _byDate.Remove(key);
                foreach (var topic in article.Topics)
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
                if (_storyMembers.Remove(slot, out var members) && members.Count > 0)
                {
                    var next = members.MinBy(m => _ticks[m]);
                    _leads[next] = next;
                    AddToLists(next);
                    members.Remove(next);
                    foreach (var member in members)
                    {
                        _leads[member] = next;
                    }

                    _inStory[next] = members.Count > 0;
                    if (members.Count > 0)
                    {
                        _storyMembers[next] = members;
                    }
                }
            }

            if (_stalePostings > 10_000 && _stalePostings > _slotById.Count)
            {
                CompactUnlocked();
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
            return _slotById.ContainsKey(id);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Newest articles first.</summary>
    public IndexPage Latest(int skip, int take)
    {
        _lock.EnterReadLock();
        try
        {
            return PageUnlocked(_byDate, skip, take);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

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
    /// A story reported by several sources comes once, as its best-matching report.
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
            return SearchUnlocked(query, Math.Max(0, skip), take, now.UtcTicks);
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
            if (!_slotById.TryGetValue(id, out var slot))
            {
                return false;
            }

            var compiled = Compile(query);
            return compiled is not null && Accepts(slot, compiled) && MatchesAnyPositive(slot, compiled);
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

            var rareLimit = Math.Max(5, _slotById.Count / 50);
            var sharedRare = new Dictionary<int, int>();
            foreach (var token in TextTokenizer.Tokenize(article.Title).Distinct(StringComparer.Ordinal))
            {
                if (!_tokenIds.TryGetValue(token, out var tokenId) || _postings[tokenId].Count > rareLimit)
                {
                    continue;
                }

                foreach (var posting in _postings[tokenId].Span)
                {
                    var slot = posting >> 1;
                    if (_leads[slot] != RemovedSlot && _articles[slot].SourceId != article.SourceId
                        && Math.Abs(_ticks[slot] - article.PublishedAt.UtcTicks) <= window.Ticks)
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
                    bestLead = _articles[_leads[slot]].Id;
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

    private Dictionary<int, double> ArticleWeights(int slot)
    {
        var weights = new Dictionary<int, double>();
        var tokens = TokensOf(slot);
        var titleLength = _articles[slot].TitleLength;
        for (var i = 0; i < tokens.Length; i++)
        {
            var id = tokens[i];
            if (id < 0)
            {
                continue;
            }

            var weight = Idf(id) * (i < titleLength ? TitleWeight : 1.0);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddUnlocked(Article article, PendingLists pending)
    {
        if (_slotById.ContainsKey(article.Id))
        {
            return;
        }

        var slot = _slotCount;
        EnsureSlotCapacity(slot + 1);
        NextAddNumber();

        Span<char> buffer = stackalloc char[TokenBufferLength];
        var distinct = 0;
        _tokens.Begin();
        var reader = TextTokenizer.Read(article.Title, buffer);
        while (reader.MoveNext())
        {
            _tokens.Append(Intern(reader.Current, slot, inTitle: true, ref distinct));
        }

        var titleLength = _tokens.Appended;
        _tokens.Append(PhraseSeparator);
        reader = TextTokenizer.Read(article.Summary, buffer);
        while (reader.MoveNext())
        {
            _tokens.Append(Intern(reader.Current, slot, inTitle: false, ref distinct));
        }

        var topics = TopicsOf(article);
        _articles[slot] = new ArticleInfo(article.Id, _tokens.End(), titleLength, distinct, article.SourceId, topics);
        _ticks[slot] = article.PublishedAt.UtcTicks;
        _slotById.Add(article.Id, slot);
        _slotCount = slot + 1;

        // A later report of a story already indexed stays out of the lists: the story shows once.
        if (article.StoryId != 0 && article.StoryId != article.Id
            && _slotById.TryGetValue(article.StoryId, out var lead) && _leads[lead] == lead)
        {
            _leads[slot] = lead;
            _inStory[slot] = true;
            _inStory[lead] = true;
            if (!_storyMembers.TryGetValue(lead, out var members))
            {
                members = [];
                _storyMembers.Add(lead, members);
            }

            members.Add(slot);
            return;
        }

        _leads[slot] = slot;
        _inStory[slot] = false;
        pending.Add(new DateKey(_ticks[slot], article.Id), topics);
    }

    private string[] TopicsOf(Article article)
    {
        if (article.Topics.Count == 0)
        {
            return [];
        }

        var topics = new List<string>(article.Topics.Count);
        foreach (var raw in article.Topics)
        {
            var normalized = TopicNames.Normalize(raw);
            if (!topics.Contains(normalized))
            {
                topics.Add(normalized);
            }
        }

        string[] set = [.. topics];
        if (_topicSets.TryGetValue(set, out var shared))
        {
            return shared;
        }

        _topicSets.Add(set, set);
        return set;
    }

    private ReadOnlySpan<int> TokensOf(int slot) => _tokens[_articles[slot].Tokens];

    private ReadOnlySpan<int> TitleTokensOf(int slot) => TokensOf(slot)[.._articles[slot].TitleLength];

    private void NextAddNumber()
    {
        if (_addNumber == int.MaxValue)
        {
            Array.Clear(_lastPostedBy);
            _addNumber = 0;
        }

        _addNumber++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Intern(ReadOnlySpan<char> token, int slot, bool inTitle, ref int distinct)
    {
        ref var tokenId = ref CollectionsMarshal.GetValueRefOrAddDefault(_tokenLookup, token, out var exists);
        if (!exists)
        {
            tokenId = _postings.Count;
            _postings.Add(new PostingList());
            if (_lastPostedBy.Length <= tokenId)
            {
                Array.Resize(ref _lastPostedBy, Math.Max(1024, _lastPostedBy.Length * 2));
            }
        }

        var id = tokenId;
        if (_lastPostedBy[id] != _addNumber)
        {
            // Title tokens are read first, so the first posting of a token tells whether the title has it.
            _lastPostedBy[id] = _addNumber;
            _postings[id].Add((slot << 1) | (inTitle ? 1 : 0));
            distinct++;
        }

        return id;
    }

    private void EnsureSlotCapacity(int slots)
    {
        if (_articles.Length >= slots)
        {
            return;
        }

        var capacity = Math.Max(Math.Max(slots, 64), _articles.Length * 2);
        Array.Resize(ref _articles, capacity);
        Array.Resize(ref _ticks, capacity);
        Array.Resize(ref _leads, capacity);
        Array.Resize(ref _inStory, capacity);
    }

    private void AddToLists(int slot)
    {
        var pending = new PendingLists();
        pending.Add(new DateKey(_ticks[slot], _articles[slot].Id), _articles[slot].Topics);
        AddToLists(pending);
    }

    private void AddToLists(PendingLists pending)
    {
        _byDate = Merge(_byDate, pending.All);
        foreach (var (topic, keys) in pending.ByTopic)
        {
            _byTopic[topic] = _byTopic.TryGetValue(topic, out var set) ? Merge(set, keys) : Merge(new SortedSet<DateKey>(NewestFirst.Instance), keys);
        }
    }

    private static SortedSet<DateKey> Merge(SortedSet<DateKey> set, List<DateKey> keys)
    {
        if (keys.Count < BulkListThreshold)
        {
            foreach (var key in keys)
            {
                set.Add(key);
            }

            return set;
        }

        // Sorting once and building the tree from the sorted keys is far cheaper than a tree
        // insert per key; UnionWith merges two sets with the same comparer in linear time.
        var added = new SortedSet<DateKey>(keys, NewestFirst.Instance);
        if (set.Count == 0)
        {
            return added;
        }

        set.UnionWith(added);
        return set;
    }

    /// <summary>
    /// Drops what removed articles left behind: their postings and tokens, and the words no
    /// remaining article uses. Retention calls it after pruning; removals also trigger it on
    /// their own once enough is stale.
    /// </summary>
    public void Compact()
    {
        _lock.EnterWriteLock();
        try
        {
            if (_stalePostings > 0)
            {
                CompactUnlocked();
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Distinct words the index knows, for tests and figures.</summary>
    public int VocabularySize
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _tokenIds.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// Drops the postings and tokens of removed articles and renumbers the slots densely, then
    /// forgets the words left with no posting and renumbers the rest.
    /// </summary>
    private void CompactUnlocked()
    {
        var renumbered = new int[_slotCount];
        var live = 0;
        for (var slot = 0; slot < _slotCount; slot++)
        {
            renumbered[slot] = _leads[slot] == RemovedSlot ? RemovedSlot : live++;
        }

        foreach (var postings in _postings)
        {
            postings.Renumber(renumbered);
        }

        var tokenMap = CompactVocabulary();

        // Slots only move down, so each is read before anything overwrites it.
        var tokens = new TokenPool();
        for (var slot = 0; slot < _slotCount; slot++)
        {
            var to = renumbered[slot];
            if (to == RemovedSlot)
            {
                continue;
            }

            var article = _articles[slot];
            tokens.Begin();
            foreach (var token in _tokens[article.Tokens])
            {
                tokens.Append(token == PhraseSeparator ? token : tokenMap[token]);
            }

            _articles[to] = article with { Tokens = tokens.End() };
            _ticks[to] = _ticks[slot];
            _leads[to] = renumbered[_leads[slot]];
            _inStory[to] = _inStory[slot];
        }

        Array.Clear(_articles, live, _slotCount - live);
        _slotCount = live;
        _tokens = tokens;

        for (var slot = 0; slot < live; slot++)
        {
            _slotById[_articles[slot].Id] = slot;
        }

        var stories = _storyMembers.ToList();
        _storyMembers.Clear();
        foreach (var (lead, members) in stories)
        {
            for (var i = 0; i < members.Count; i++)
            {
                members[i] = renumbered[members[i]];
            }

            _storyMembers[renumbered[lead]] = members;
        }

        _stalePostings = 0;
    }

    /// <summary>Forgets words with no posting left; returns old token id → new token id (or -1).</summary>
    private int[] CompactVocabulary()
    {
        var map = new int[_postings.Count];
        var kept = 0;
        for (var token = 0; token < map.Length; token++)
        {
            map[token] = _postings[token].Count > 0 ? kept++ : -1;
        }

        if (kept == map.Length)
        {
            return map;
        }

        var postings = new List<PostingList>(kept);
        for (var token = 0; token < map.Length; token++)
        {
            if (map[token] >= 0)
            {
                postings.Add(_postings[token]);
            }
        }

        _postings.Clear();
        _postings.AddRange(postings);
        foreach (var (word, id) in _tokenIds.ToList())
        {
            if (map[id] < 0)
            {
                _tokenIds.Remove(word);
            }
            else
            {
                _tokenIds[word] = map[id];
            }
        }

        _tokenIds.TrimExcess();
        _lastPostedBy = new int[Math.Max(1024, kept)];
        _addNumber = 0;
        return map;
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

        if (!_scratch.TryTake(out var scratch))
        {
            scratch = new SearchScratch();
        }

        var run = new SearchRun(this, scratch, skip + take, nowTicks);
        if (compiled.Phrases.Length > 0)
        {
            CollectPhraseMatches(compiled, run);
        }
        else
        {
            CollectWordMatches(compiled, run);
        }

        var ranked = run.Finish();
        _scratch.Add(scratch);

        var ids = new List<int>(Math.Max(0, Math.Min(take, ranked.Length - skip)));
        for (var i = skip; i < ranked.Length && ids.Count < take; i++)
        {
            ids.Add(_articles[ranked[i]].Id);
        }

        return new IndexPage(ids, run.Total);
    }

    /// <summary>
    /// Phrases are required: candidates come from the rarest token of any phrase. Candidates
    /// come in increasing slot order, so the words' postings (which say title or summary) are
    /// walked alongside instead of searching each article's tokens.
    /// </summary>
    private void CollectPhraseMatches(CompiledQuery query, SearchRun run)
    {
        var rarest = query.Phrases.SelectMany(p => p).MinBy(t => _postings[t].Count);
        var exclusions = new Exclusions(this, query);
        var words = query.Words.Select(w => new PostingCursor(_postings[w])).ToArray();
        var phraseWeights = query.Phrases.Select(p => p.Sum(Idf)).ToArray();
        foreach (var posting in _postings[rarest].Span)
        {
            var slot = posting >> 1;
            if (_leads[slot] == RemovedSlot || !ContainsPhrases(slot, query.Phrases) || exclusions.Excludes(slot))
            {
                continue;
            }

            var phraseScore = 0.0;
            for (var p = 0; p < query.Phrases.Length; p++)
            {
                phraseScore += ContainsPhrase(slot, query.Phrases[p], titleOnly: true) ? phraseWeights[p] * TitleWeight : phraseWeights[p];
            }

            var wordScore = 0.0;
            for (var w = 0; w < words.Length; w++)
            {
                var wordPosting = words[w].Seek(slot);
                if (wordPosting >= 0)
                {
                    wordScore += (wordPosting & 1) != 0 ? query.WordIdf[w] * TitleWeight : query.WordIdf[w];
                }
            }

            run.Match(slot, phraseScore + wordScore);
        }
    }

    /// <summary>
    /// Plain words: walks the words' posting lists (sorted by slot) side by side, so each
    /// matching article's score is summed in one step, in word order, without a table.
    /// </summary>
    private void CollectWordMatches(CompiledQuery query, SearchRun run)
    {
        var words = query.Words.Length;
        var lists = new PostingList[words];
        for (var w = 0; w < words; w++)
        {
            lists[w] = _postings[query.Words[w]];
        }

        var exclusions = new Exclusions(this, query);
        if (words == 1)
        {
            var summaryScore = query.WordIdf[0];
            var titleScore = query.WordIdf[0] * TitleWeight;
            foreach (var posting in lists[0].Span)
            {
                var slot = posting >> 1;
                if (!exclusions.Excludes(slot))
                {
                    run.Match(slot, (posting & 1) != 0 ? titleScore : summaryScore);
                }
            }

            return;
        }

        var items = new int[words][];
        var counts = new int[words];
        for (var w = 0; w < words; w++)
        {
            items[w] = lists[w].Items;
            counts[w] = lists[w].Count;
        }

        Span<int> at = words <= 32 ? stackalloc int[words] : new int[words];
        while (true)
        {
            var slot = int.MaxValue;
            for (var w = 0; w < words; w++)
            {
                if (at[w] < counts[w])
                {
                    slot = Math.Min(slot, items[w][at[w]] >> 1);
                }
            }

            if (slot == int.MaxValue)
            {
                return;
            }

            var score = 0.0;
            for (var w = 0; w < words; w++)
            {
                if (at[w] < counts[w] && items[w][at[w]] >> 1 == slot)
                {
                    score += query.WordIdf[w] * ((items[w][at[w]] & 1) != 0 ? TitleWeight : 1.0);
                    at[w]++;
                }
            }

            if (!exclusions.Excludes(slot))
            {
                run.Match(slot, score);
            }
        }
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

    private double Idf(int tokenId) => Math.Log(1.0 + (_slotById.Count / (double)Math.Max(1, _postings[tokenId].Count)));

    private bool Accepts(int slot, CompiledQuery query) =>
        !IsExcluded(slot, query) && ContainsPhrases(slot, query.Phrases);

    private bool ContainsPhrases(int slot, int[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (!ContainsPhrase(slot, phrase))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsExcluded(int slot, CompiledQuery query)
    {
        if (query.ExcludedWords.Count > 0)
        {
            foreach (var token in TokensOf(slot))
            {
                if (query.ExcludedWords.Contains(token))
                {
                    return true;
                }
            }
        }

        foreach (var phrase in query.ExcludedPhrases)
        {
            if (ContainsPhrase(slot, phrase))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesAnyPositive(int slot, CompiledQuery query)
    {
        if (query.Phrases.Length > 0)
        {
            return true;
        }

        var tokens = TokensOf(slot);
        foreach (var word in query.Words)
        {
            if (tokens.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private bool ContainsPhrase(int slot, int[] phrase, bool titleOnly = false) =>
        (titleOnly ? TitleTokensOf(slot) : TokensOf(slot)).IndexOf(phrase) >= 0;

    /// <summary>What is known of an article besides its time and story (in their own arrays, for the search loop).</summary>
    /// <param name="Tokens">Where its tokens lie in the pool: title, separator, summary.</param>
    /// <param name="DistinctTokens">How many postings it has (one per distinct token).</param>
    private readonly record struct ArticleInfo(int Id, TokenRange Tokens, int TitleLength, int DistinctTokens, int SourceId, string[] Topics);

    private readonly record struct TokenRange(int Chunk, int Start, int Length);

    /// <summary>
    /// Every article's tokens, in chunks that are filled one after the other, so the pool grows
    /// without copying what it holds and wastes at most the end of each chunk. An article's
    /// tokens lie together in one chunk.
    /// </summary>
    private sealed class TokenPool
    {
        private const int ChunkSize = 1 << 16;

        private readonly List<int[]> _chunks = [];
        private int[] _current = [];
        private int _filled;
        private int _articleStart;

        /// <summary>How many tokens the article begun last has so far.</summary>
        public int Appended => _filled - _articleStart;

        public ReadOnlySpan<int> this[TokenRange range] => _chunks[range.Chunk].AsSpan(range.Start, range.Length);

        public void Begin() => _articleStart = _filled;

        public void Append(int token)
        {
            if (_filled == _current.Length)
            {
                // The article so far moves to a new chunk (twice its size if it is that long).
                var sofar = Appended;
                var next = new int[Math.Max(ChunkSize, sofar * 2)];
                Array.Copy(_current, _articleStart, next, 0, sofar);
                _chunks.Add(next);
                _current = next;
                _articleStart = 0;
                _filled = sofar;
            }

            _current[_filled++] = token;
        }

        /// <summary>Where the tokens appended since <see cref="Begin"/> lie; there is at least one.</summary>
        public TokenRange End() => new(_chunks.Count - 1, _articleStart, Appended);
    }

    private sealed record CompiledQuery(
        int[] Words,
        double[] WordIdf,
        int[][] Phrases,
        HashSet<int> ExcludedWords,
        int[][] ExcludedPhrases);

    private readonly record struct DateKey(long Ticks, int Id);

    /// <summary>How good a search result is; the worst sorts first, so a bounded heap drops it.</summary>
    private readonly record struct Rank(double Score, long Ticks, int Slot);

    /// <summary>
    /// The postings of one token, <c>(slot &lt;&lt; 1) | inTitle</c>, in increasing slot order.
    /// A bare array and count, so the search loop indexes it directly.
    /// </summary>
    private sealed class PostingList
    {
        public int[] Items { get; private set; } = [];

        public int Count { get; private set; }

        public ReadOnlySpan<int> Span => Items.AsSpan(0, Count);

        public void Add(int posting)
        {
            if (Count == Items.Length)
            {
                var items = Items;
                Array.Resize(ref items, Math.Max(4, items.Length * 2));
                Items = items;
            }

            Items[Count++] = posting;
        }

        /// <summary>Drops postings of removed slots and maps the rest to their new slots (order is kept: renumbering is monotone).</summary>
        public void Renumber(int[] renumbered)
        {
            var kept = 0;
            for (var i = 0; i < Count; i++)
            {
                var to = renumbered[Items[i] >> 1];
                if (to != RemovedSlot)
                {
                    Items[kept++] = (to << 1) | (Items[i] & 1);
                }
            }

            Count = kept;
        }
    }

    /// <summary>Lead keys waiting to go into the date-ordered lists at the end of an <see cref="AddRange"/>.</summary>
    private sealed class PendingLists
    {
        public List<DateKey> All { get; } = [];

        public Dictionary<string, List<DateKey>> ByTopic { get; } = new(StringComparer.Ordinal);

        public void Add(DateKey key, string[] topics)
        {
            All.Add(key);
            foreach (var topic in topics)
            {
                if (!ByTopic.TryGetValue(topic, out var keys))
                {
                    keys = [];
                    ByTopic.Add(topic, keys);
                }

                keys.Add(key);
            }
        }
    }

    /// <summary>
    /// Walks one posting list forward, for a caller that visits slots in increasing order.
    /// </summary>
    private struct PostingCursor(PostingList list)
    {
        private int _at;

        /// <summary>The posting of <paramref name="slot"/>, or -1 when the list has none.</summary>
        public int Seek(int slot)
        {
            var items = list.Items;
            var count = list.Count;
            while (_at < count && items[_at] >> 1 < slot)
            {
                _at++;
            }

            return _at < count && items[_at] >> 1 == slot ? items[_at] : -1;
        }
    }

    /// <summary>
    /// A query's exclusions, for a walk that visits slots in increasing order: an excluded
    /// word's postings are walked alongside; an excluded phrase is looked for only in articles
    /// that have its rarest word.
    /// </summary>
    private sealed class Exclusions
    {
        private readonly ArticleIndex _index;
        private readonly PostingCursor[] _words;
        private readonly int[][] _phrases;
        private readonly PostingCursor[] _phraseWords;

        public Exclusions(ArticleIndex index, CompiledQuery query)
        {
            _index = index;
            _words = query.ExcludedWords.Select(id => new PostingCursor(index._postings[id])).ToArray();
            _phrases = query.ExcludedPhrases;
            _phraseWords = _phrases.Select(p => new PostingCursor(index._postings[p.MinBy(t => index._postings[t].Count)])).ToArray();
        }

        public bool Excludes(int slot)
        {
            for (var i = 0; i < _words.Length; i++)
            {
                if (_words[i].Seek(slot) >= 0)
                {
                    return true;
                }
            }

            for (var i = 0; i < _phrases.Length; i++)
            {
                if (_phraseWords[i].Seek(slot) >= 0 && _index.ContainsPhrase(slot, _phrases[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Reusable per-search buffers; searches run side by side, each with its own.</summary>
    private sealed class SearchScratch
    {
        public PriorityQueue<int, Rank> Best { get; } = new(WorstFirst.Instance);

        public List<int> Stories { get; } = [];

        // Per lead slot, for stories told by several reports: the search that last saw the story
        // (so nothing needs clearing between searches), its best report and that report's score.
        public int[] StorySeen { get; private set; } = [];

        public int[] StoryBest { get; private set; } = [];

        public double[] StoryScore { get; private set; } = [];

        public int Generation { get; private set; }

        public void Begin()
        {
            Best.Clear();
            Stories.Clear();
            if (Generation == int.MaxValue)
            {
                Array.Clear(StorySeen);
                Generation = 0;
            }

            Generation++;
        }

        public void EnsureStories(int slots)
        {
            if (StorySeen.Length < slots)
            {
                var capacity = Math.Max(slots, StorySeen.Length * 2);
                StorySeen = new int[capacity];
                StoryBest = new int[capacity];
                StoryScore = new double[capacity];
            }
        }
    }

    /// <summary>
    /// One search's results: counts the matching stories and keeps the best
    /// <c>skip + take</c> of them in a bounded heap. A story told by several reports stands
    /// as its best-matching report (the earliest indexed on a tie), ranked with that report's
    /// recency. An article whose match score plus the largest possible recency bonus cannot
    /// beat the worst kept result is counted but never scored.
    /// </summary>
    private sealed class SearchRun
    {
        private readonly SearchScratch _scratch;
        private readonly int _keep;
        private readonly long _nowTicks;
        private readonly int _slots;
        private readonly int[] _leads;
        private readonly bool[] _inStory;
        private readonly long[] _ticks;
        private readonly PriorityQueue<int, Rank> _best;
        private bool _storiesReady;

        public SearchRun(ArticleIndex index, SearchScratch scratch, int keep, long nowTicks)
        {
            _scratch = scratch;
            _keep = keep;
            _nowTicks = nowTicks;
            _slots = index._slotCount;
            _leads = index._leads;
            _inStory = index._inStory;
            _ticks = index._ticks;
            scratch.Begin();
            _best = scratch.Best;
        }

        public int Total { get; private set; }

        public void Match(int slot, double matchScore)
        {
            var lead = _leads[slot];
            if (lead == RemovedSlot)
            {
                return;
            }

            if (!_inStory[slot])
            {
                Total++;
                Consider(slot, matchScore);
                return;
            }

            var scratch = _scratch;
            if (!_storiesReady)
            {
                scratch.EnsureStories(_slots);
                _storiesReady = true;
            }

            if (scratch.StorySeen[lead] != scratch.Generation)
            {
                scratch.StorySeen[lead] = scratch.Generation;
                scratch.StoryBest[lead] = slot;
                scratch.StoryScore[lead] = matchScore;
                scratch.Stories.Add(lead);
            }
            else if (matchScore > scratch.StoryScore[lead])
            {
                scratch.StoryBest[lead] = slot;
                scratch.StoryScore[lead] = matchScore;
            }
        }

        /// <summary>The kept slots, best first.</summary>
        public int[] Finish()
        {
            foreach (var lead in _scratch.Stories)
            {
                Total++;
                Consider(_scratch.StoryBest[lead], _scratch.StoryScore[lead]);
            }

            var ranked = new int[_best.Count];
            for (var i = ranked.Length - 1; i >= 0; i--)
            {
                ranked[i] = _best.Dequeue();
            }

            return ranked;
        }

        private void Consider(int slot, double matchScore)
        {
            Rank worst = default;
            var full = _best.Count >= _keep && _best.TryPeek(out _, out worst);
            if (full && matchScore + RecencyWeight < worst.Score)
            {
                return; // even the newest possible article with this match score ranks lower
            }

            var ticks = _ticks[slot];
            var ageHours = Math.Max(0, (_nowTicks - ticks) / (double)TimeSpan.TicksPerHour);
            var rank = new Rank(matchScore + (RecencyWeight * Math.Pow(0.5, ageHours / RecencyHalfLifeHours)), ticks, slot);
            if (!full)
            {
                _best.Enqueue(slot, rank);
            }
            else if (WorstFirst.Instance.Compare(rank, worst) > 0)
            {
                _best.DequeueEnqueue(slot, rank);
            }
        }
    }

    private sealed class SameTopics : IEqualityComparer<string[]>
    {
        public static readonly SameTopics Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] topics)
        {
            var hash = new HashCode();
            foreach (var topic in topics)
            {
                hash.Add(topic, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }

    private sealed class NewestFirst : IComparer<DateKey>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(DateKey x, DateKey y)
        {
            var byTime = y.Ticks.CompareTo(x.Ticks);
            return byTime != 0 ? byTime : y.Id.CompareTo(x.Id);
        }
    }

    /// <summary>Lower score first, then older, then the later indexed: the heap's root is the one to drop.</summary>
    private sealed class WorstFirst : IComparer<Rank>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Rank x, Rank y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byTime = x.Ticks.CompareTo(y.Ticks);
            return byTime != 0 ? byTime : y.Slot.CompareTo(x.Slot);
        }
    }
}
