using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsBot.Core.Search;

/// <summary>
/// The inverted index: every word the index knows, numbered in the order first seen, and per
/// word the <see cref="PostingList"/> of the articles that use it. Not thread-safe on its own:
/// <see cref="ArticleIndex"/> guards it.
/// </summary>
internal sealed class PostingIndex
{
    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly List<PostingList> _postings = [];

    // Writer-only: per token, the number of the last article that posted it, so an article
    // posts each token once.
    private int[] _lastPostedBy = [];
    private int _addNumber;

    public PostingIndex()
    {
        _tokenLookup = _tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Distinct words known.</summary>
    public int VocabularySize => _tokenIds.Count;

    public PostingList this[int tokenId] => _postings[tokenId];

    public bool TryGetId(string token, out int tokenId) => _tokenIds.TryGetValue(token, out tokenId);

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

    /// <summary>Drops the postings of removed slots and moves the rest to their new slots.</summary>
    public void Renumber(int[] renumbered)
    {
        foreach (var postings in _postings)
        {
            postings.Renumber(renumbered);
        }
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
        _addNumber = 0;
        return map;
    }
}
