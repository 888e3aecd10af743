namespace NewsBot.Core.Search;

/// <summary>
/// The inverted index: every word the index knows, numbered in the order first seen, and per
/// word the <see cref="PostingList"/> of the articles that use it. A word used by at least one
/// article in <see cref="DenseShare"/> also has its postings as a bitmap over the slots, so a
/// search counts its matches a word of 64 slots at a time. Not thread-safe on its own:
/// <see cref="ArticleIndex"/> guards it.
/// </summary>
/// <remarks>
/// New postings wait in a staging buffer, in the order they come, and go into their lists a
/// batch at a time, grouped by word (<see cref="Flush"/>): appending each one straight to its
/// word's list touches a different list, far from the last, for almost every posting, which at
/// start made the appends a fifth of the time it takes to index a million articles. The lists
/// are complete again after every <see cref="Refresh"/>, before anyone reads them.
/// </remarks>
internal sealed class PostingIndex
{
    /// <summary>A word gets a bitmap once one article in this many uses it: the bitmap then takes no more room than its postings.</summary>
    public const int DenseShare = 32;

    // Below this many postings a bitmap is not worth it, however few the articles.
    private const int DenseMinimum = 64;

    // Postings staged before they go into their lists: a few thousand articles' worth, whose
    // staging arrays (three of them) stay within the processor's cache.
    private const int MostStaged = 1 << 16;

    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly List<PostingList> _postings = [];

    // Flush's scratch: per token, where its next staged posting goes; the staged postings by token.
    private int[] _lastRunStart = [];
    private int[] _byToken = [];

    // Writer-only: per token, the number of the last article that posted it, so an article
    // posts each token once.
    private int[] _lastPostedBy = [];
    private int _addNumber;

    // Per token, its postings' slots as a bitmap, or empty for a word too rare to have one.
    private ulong[][] _bitmaps = [];

    // The staged postings and their tokens, in the order they came; per token, how many are staged.
    private int[] _stagedPostings = [];
    private int[] _stagedTokens = [];
    private int _staged;
    private int[] _stagedPerToken = [];
    private readonly List<int> _tokensStaged = [];

    // Tokens whose postings reached _denseFrom since the last Refresh, and when every token was last looked at.
    private readonly List<int> _grown = [];
    private int _denseFrom = int.MaxValue;
    private int _scannedAt;

    public PostingIndex()
    {
        _tokenLookup = _tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Distinct words known.</summary>
    public int VocabularySize => _tokenIds.Count;

    public PostingList this[int tokenId] => _postings[tokenId];

    public bool TryGetId(string token, out int tokenId) => _tokenIds.TryGetValue(token, out tokenId);

    /// <summary>The slots of the token's postings, one bit each, or an empty array when the word has no bitmap.</summary>
    public ulong[] BitmapOf(int tokenId) => _bitmaps[tokenId];

    /// <summary>How telling a word is among <paramref name="articles"/> articles: rarer weighs more.</summary>
    public double Idf(int tokenId, int articles) => Math.Log(1.0 + (articles / (double)Math.Max(1, _postings[tokenId].Count)));

    /// <summary>Starts the postings of a new article: each of its words is posted once.</summary>
    public void BeginArticle()
    {
        if (_addNumber == int.MaxValue)
        {
            Array.Clear(_lastPostedBy);
            _addNumber = 0;
        }

        _addNumber++;
    }

    /// <summary>
    /// The id of <paramref name="token"/> (a new word gets one), posting it for
    /// <paramref name="slot"/> if the article begun last has not posted it yet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<char> token, int slot, bool inTitle, ref int distinct)
    {
        var id = IdOf(token);
        Post(id, slot, inTitle, ref distinct);
        return id;
    }

    /// <summary>The id of <paramref name="token"/>; a new word gets the next one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IdOf(ReadOnlySpan<char> token)
    {
        ref var tokenId = ref CollectionsMarshal.GetValueRefOrAddDefault(_tokenLookup, token, out var exists);
        if (!exists)
        {
            tokenId = _postings.Count;
            _postings.Add(new PostingList());
            if (_lastPostedBy.Length <= tokenId)
            {
                Array.Resize(ref _lastPostedBy, Math.Max(1024, _lastPostedBy.Length * 2));
                Array.Resize(ref _stagedPerToken, _lastPostedBy.Length);
                ResizeBitmaps(_lastPostedBy.Length);
            }
        }

        return tokenId;
    }

    /// <summary>Posts the word <paramref name="id"/> for <paramref name="slot"/> if the article begun last has not posted it yet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Post(int id, int slot, bool inTitle, ref int distinct)
    {
        if (_lastPostedBy[id] != _addNumber)
        {
            // Title tokens are read first, so the first posting of a token tells whether the title has it.
            _lastPostedBy[id] = _addNumber;
            Stage(id, (slot << 1) | (inTitle ? 1 : 0));
            distinct++;
        }
    }

    /// <summary>Makes room in the word's list for <paramref name="postings"/> postings in all.</summary>
    public void Reserve(int tokenId, int postings) => _postings[tokenId].Reserve(postings);

    /// <summary>Per word, by id, how many postings its list holds (those of removed articles included until a compaction).</summary>
    public int[] PostingCounts()
    {
        var counts = new int[_postings.Count];
        for (var token = 0; token < counts.Length; token++)
        {
            counts[token] = _postings[token].Count;
        }

        return counts;
    }

    /// <summary>Every known word with its id, without copying them.</summary>
    public IEnumerable<KeyValuePair<string, int>> Vocabulary() => _tokenIds;

    /// <summary>Every known word, by id.</summary>
    public string[] Words()
    {
        var words = new string[_tokenIds.Count];
        foreach (var (word, id) in _tokenIds)
        {
            words[id] = word;
        }

        return words;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Stage(int tokenId, int posting)
    {
        if (_staged == _stagedPostings.Length)
        {
            if (_staged == MostStaged)
            {
                Flush();
            }
            else
            {
                var room = Math.Max(256, _staged * 2);
                Array.Resize(ref _stagedPostings, room);
                Array.Resize(ref _stagedTokens, room);
            }
        }

        _stagedPostings[_staged] = posting;
        _stagedTokens[_staged++] = tokenId;
        if (_stagedPerToken[tokenId]++ == 0)
        {
            _tokensStaged.Add(tokenId);
        }
    }

    /// <summary>
    /// Moves the staged postings into their lists: sorted by token (a counting sort, which keeps
    /// each token's postings in slot order), then appended one run per token.
    /// </summary>
    private void Flush()
    {
        if (_staged == 0)
        {
            return;
        }

        // Each token's run starts where the runs of the tokens staged before it end.
        var starts = _lastRunStart;
        if (starts.Length < _stagedPerToken.Length)
        {
            starts = _lastRunStart = new int[_stagedPerToken.Length];
        }

        var next = 0;
        foreach (var token in _tokensStaged)
        {
            starts[token] = next;
            next += _stagedPerToken[token];
        }

        if (_byToken.Length < _staged)
        {
            _byToken = new int[_stagedPostings.Length];
        }

        var byToken = _byToken;
        for (var i = 0; i < _staged; i++)
        {
            byToken[starts[_stagedTokens[i]]++] = _stagedPostings[i];
        }

        var from = 0;
        foreach (var token in _tokensStaged)
        {
            var run = byToken.AsSpan(from, _stagedPerToken[token]);
            from += run.Length;
            _stagedPerToken[token] = 0;
            var postings = _postings[token];
            ref var bits = ref _bitmaps[token];
            if (bits.Length != 0)
            {
                foreach (var posting in run)
                {
                    SlotBitmap.Set(ref bits, posting >> 1);
                }
            }
            else if (postings.Count < _denseFrom && postings.Count + run.Length >= _denseFrom)
            {
                _grown.Add(token);
            }

            postings.AddRange(run);
        }

        _tokensStaged.Clear();
        _staged = 0;
    }

    /// <summary>
    /// Gives a bitmap to the words that became common enough since the last call, and, each time
    /// the index has doubled, looks at every word: those now too rare lose theirs.
    /// </summary>
    public void Refresh(int slots)
    {
        Flush();
        var threshold = Math.Max(DenseMinimum, slots / DenseShare);
        if (slots > 2L * _scannedAt)
        {
            for (var token = 0; token < _postings.Count; token++)
            {
                var count = _postings[token].Count;
                if (_bitmaps[token].Length == 0 && count >= threshold)
                {
                    _bitmaps[token] = SlotBitmap.Of(_postings[token], slots);
                }
                else if (_bitmaps[token].Length != 0 && count < threshold / 2)
                {
                    _bitmaps[token] = [];
                }
            }

            _scannedAt = slots;
        }
        else
        {
            foreach (var token in _grown)
            {
                if (_bitmaps[token].Length == 0 && _postings[token].Count >= threshold)
                {
                    _bitmaps[token] = SlotBitmap.Of(_postings[token], slots);
                }
            }
        }

        _grown.Clear();
        _denseFrom = threshold;
    }

    /// <summary>Drops the postings of removed slots and moves the rest to their new slots.</summary>
    /// <remarks>The bitmaps go with the old numbers; <see cref="Refresh"/> builds them again.</remarks>
    public void Renumber(int[] renumbered)
    {
        Flush();
        foreach (var postings in _postings)
        {
            postings.Renumber(renumbered);
        }

        Array.Fill(_bitmaps, []);
        _grown.Clear();
        _scannedAt = 0;
    }

    /// <summary>Forgets words with no posting left; returns old token id → new token id (or -1).</summary>
    public int[] CompactVocabulary()
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
        _stagedPerToken = new int[_lastPostedBy.Length];
        _bitmaps = [];
        ResizeBitmaps(_lastPostedBy.Length);
        _addNumber = 0;
        return map;
    }

    private void ResizeBitmaps(int tokens)
    {
        var from = _bitmaps.Length;
        Array.Resize(ref _bitmaps, tokens);
        Array.Fill(_bitmaps, [], from, tokens - from);
    }
}
