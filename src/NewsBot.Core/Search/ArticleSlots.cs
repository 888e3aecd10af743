namespace NewsBot.Core.Search;

/// <summary>
/// The indexed articles, numbered by "slot" in the order they were added, with what is known of
/// each in arrays indexed by slot rather than in an object of its own (fewer objects for the
/// garbage collector to trace and copy while the index is built at start), and their tokens in
/// a shared <see cref="TokenPool"/>. A removed article keeps its slot, marked
/// <see cref="Removed"/>, until <see cref="Compact"/> renumbers the slots densely. Not
/// thread-safe on its own: <see cref="ArticleIndex"/> guards it.
/// </summary>
internal sealed class ArticleSlots
{
    /// <summary>The lead of a removed slot, and the new number of a slot compaction drops.</summary>
    public const int Removed = -1;

    private readonly Dictionary<int, int> _slotById = [];
    private readonly Dictionary<int, int> _livePerSource = [];
    private ArticleInfo[] _articles = [];
    private long[] _ticks = [];
    private int[] _leads = [];
    private int[] _storyIds = [];
    private bool[] _inStory = [];

    // Per slot, the source and the number of the topic set, apart from the articles' records:
    // a topic: or source: part reads only these, four bytes a slot instead of a whole record.
    private int[] _sourceIds = [];
    private int[] _topicSetOf = [];
    private readonly Dictionary<string[], int> _topicSetNumbers = new(ReferenceEqualityComparer.Instance);
    private readonly List<string[]> _topicSets = [];

    // Per slot, one bit each: live and alone in its story, live and in a story of several.
    private ulong[] _plain = [];
    private ulong[] _story = [];
    private int _used;
    private TokenPool _tokens = new();

    /// <summary>Articles indexed and not removed.</summary>
    public int Live => _slotById.Count;

    /// <summary>Slots handed out, removed ones included: the arrays are valid below this.</summary>
    public int Used => _used;

    public ArticleInfo[] Articles => _articles;

    /// <summary>Per slot, the publication time in UTC ticks.</summary>
    public long[] Ticks => _ticks;

    /// <summary>Per slot, the slot of its story's lead (the slot itself for a lead), or <see cref="Removed"/>.</summary>
    public int[] Leads => _leads;

    /// <summary>
    /// Per slot, the story id the article was added with (<see cref="Article.StoryId"/>), as the
    /// store has it: an index image keeps it, so a later start can tell whether the store changed it.
    /// </summary>
    public int[] StoryIds => _storyIds;

    /// <summary>Per slot, whether it belongs to a story told by more than one report.</summary>
    public bool[] InStory => _inStory;

    /// <summary>Per slot, the article's source.</summary>
    public int[] SourceIds => _sourceIds;

    /// <summary>Per slot, the number of its topic set in <see cref="TopicSets"/>.</summary>
    public int[] TopicSetOf => _topicSetOf;

    /// <summary>Every topic set an article was indexed with, by number; articles share them.</summary>
    public IReadOnlyList<string[]> TopicSets => _topicSets;

    /// <summary>Live slots that are a story of their own, one bit each.</summary>
    public ulong[] Plain => _plain;

    /// <summary>Live slots in a story told by more than one report, one bit each.</summary>
    public ulong[] Story => _story;

    public TokenPool Tokens => _tokens;

    public bool Contains(int id) => _slotById.ContainsKey(id);

    /// <summary>Whether any live article comes from the source.</summary>
    public bool HasArticlesOf(int sourceId) => _livePerSource.TryGetValue(sourceId, out var live) && live > 0;

    public bool TryGetSlot(int id, out int slot) => _slotById.TryGetValue(id, out slot);

    /// <summary>Makes room for <paramref name="more"/> articles beyond those indexed, when it knows how many are coming.</summary>
    public void Reserve(int more)
    {
        var capacity = _used + more;
        if (_articles.Length < capacity)
        {
            Resize(capacity);
        }

        _slotById.EnsureCapacity(Live + more);
    }

    /// <summary>The slot the next article gets, with room for it in every array.</summary>
    public int Next()
    {
        var slot = _used;
        if (_articles.Length <= slot)
        {
            Resize(Math.Max(Math.Max(slot + 1, 64), _articles.Length * 2));
        }

        return slot;
    }

    private void Resize(int capacity)
    {
        Array.Resize(ref _articles, capacity);
        Array.Resize(ref _ticks, capacity);
        Array.Resize(ref _leads, capacity);
        Array.Resize(ref _storyIds, capacity);
        Array.Resize(ref _inStory, capacity);
        Array.Resize(ref _sourceIds, capacity);
        Array.Resize(ref _topicSetOf, capacity);
        Array.Resize(ref _plain, SlotBitmap.WordsFor(capacity));
        Array.Resize(ref _story, SlotBitmap.WordsFor(capacity));
    }

    /// <summary>Takes the slot <see cref="Next"/> handed out, for an article that leads its story until told otherwise.</summary>
    public void Fill(int slot, ArticleInfo article, long ticks, int storyId)
    {
        _articles[slot] = article;
        _ticks[slot] = ticks;
        _storyIds[slot] = storyId;
        _leads[slot] = slot;
        _inStory[slot] = false;
        _sourceIds[slot] = article.SourceId;
        _topicSetOf[slot] = NumberOf(article.Topics ?? []);
        SlotBitmap.Set(ref _plain, slot);
        _slotById.Add(article.Id, slot);
        CollectionsMarshal.GetValueRefOrAddDefault(_livePerSource, article.SourceId, out _)++;
        _used = slot + 1;
    }

    public void SetLead(int slot, int lead) => _leads[slot] = lead;

    private int NumberOf(string[] topics)
    {
        if (!_topicSetNumbers.TryGetValue(topics, out var number))
        {
            number = _topicSets.Count;
            _topicSets.Add(topics);
            _topicSetNumbers.Add(topics, number);
        }

        return number;
    }

    /// <summary>Whether the live article in <paramref name="slot"/> belongs to a story told by more than one report.</summary>
    public void SetInStory(int slot, bool inStory)
    {
        _inStory[slot] = inStory;
        if (inStory)
        {
            SlotBitmap.Clear(_plain, slot);
            SlotBitmap.Set(ref _story, slot);
        }
        else
        {
            SlotBitmap.Clear(_story, slot);
            SlotBitmap.Set(ref _plain, slot);
        }
    }

    /// <summary>Marks the article's slot removed and tells the lead it had; false when it is not indexed.</summary>
    public bool TryRemove(int id, out int slot, out int lead)
    {
        if (!_slotById.Remove(id, out slot))
        {
            lead = Removed;
            return false;
        }

        lead = _leads[slot];
        _leads[slot] = Removed;
        _livePerSource[_sourceIds[slot]]--;
        _inStory[slot] = false;
        SlotBitmap.Clear(_plain, slot);
        SlotBitmap.Clear(_story, slot);
        return true;
    }

    public ReadOnlySpan<int> TokensOf(int slot) => _tokens[_articles[slot].Tokens];

    public ReadOnlySpan<int> TitleTokensOf(int slot) => TokensOf(slot)[.._articles[slot].TitleLength];

    /// <summary>Whether the article's title or summary (or, with <paramref name="titleOnly"/>, its title) has the words in this order.</summary>
    public bool ContainsPhrase(int slot, int[] phrase, bool titleOnly = false) =>
        (titleOnly ? TitleTokensOf(slot) : TokensOf(slot)).IndexOf(phrase) >= 0;

    /// <summary>Old slot → new slot, or <see cref="Removed"/>: the live slots numbered densely, in order.</summary>
    public int[] Renumbering()
    {
        var renumbered = new int[_used];
        var live = 0;
        for (var slot = 0; slot < _used; slot++)
        {
            renumbered[slot] = _leads[slot] == Removed ? Removed : live++;
        }

        return renumbered;
    }

    /// <summary>
    /// Moves every live article to its new slot and copies its tokens, mapped through
    /// <paramref name="tokenMap"/>, into a fresh pool that leaves out those of removed articles.
    /// </summary>
    public void Compact(int[] renumbered, int[] tokenMap)
    {
        // Slots only move down, so each is read before anything overwrites it.
        var tokens = new TokenPool();
        var live = 0;
        for (var slot = 0; slot < _used; slot++)
        {
            var to = renumbered[slot];
            if (to == Removed)
            {
                continue;
            }

            var article = _articles[slot];
            tokens.Begin();
            foreach (var token in _tokens[article.Tokens])
            {
                tokens.Append(token == TokenPool.PhraseSeparator ? token : tokenMap[token]);
            }

            _articles[to] = article with { Tokens = tokens.End() };
            _ticks[to] = _ticks[slot];
            _storyIds[to] = _storyIds[slot];
            _leads[to] = renumbered[_leads[slot]];
            _inStory[to] = _inStory[slot];
            _sourceIds[to] = _sourceIds[slot];
            _topicSetOf[to] = _topicSetOf[slot];
            live++;
        }

        Array.Clear(_articles, live, _used - live);
        Array.Clear(_plain);
        Array.Clear(_story);
        _used = live;
        _tokens = tokens;

        for (var slot = 0; slot < live; slot++)
        {
            _slotById[_articles[slot].Id] = slot;
            if (_inStory[slot])
            {
                SlotBitmap.Set(ref _story, slot);
            }
            else
            {
                SlotBitmap.Set(ref _plain, slot);
            }
        }
    }
}
