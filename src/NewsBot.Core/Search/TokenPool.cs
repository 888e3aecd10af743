namespace NewsBot.Core.Search;

/// <summary>Where one article's tokens lie in a <see cref="TokenPool"/>.</summary>
internal readonly record struct TokenRange(int Chunk, int Start, int Length);

/// <summary>
/// Every article's tokens, in chunks that are filled one after the other, so the pool grows
/// without copying what it holds and wastes at most the end of each chunk. An article's
/// tokens lie together in one chunk: its title, <see cref="PhraseSeparator"/>, its summary.
/// </summary>
internal sealed class TokenPool
{
    /// <summary>Stands between title and summary, so no phrase spans the two.</summary>
    public const int PhraseSeparator = -1;

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

    /// <summary>
    /// Room for <paramref name="count"/> more tokens of the article begun last, for the caller to
    /// fill: the article so far moves to a new chunk first if they do not fit in this one.
    /// </summary>
    public Span<int> AppendSpan(int count)
    {
        if (_filled + count > _current.Length)
        {
            var sofar = Appended;
            var next = new int[Math.Max(ChunkSize, (sofar + count) * 2)];
            Array.Copy(_current, _articleStart, next, 0, sofar);
            _chunks.Add(next);
            _current = next;
            _articleStart = 0;
            _filled = sofar;
        }

        var room = _current.AsSpan(_filled, count);
        _filled += count;
        return room;
    }

    /// <summary>Where the tokens appended since <see cref="Begin"/> lie; there is at least one.</summary>
    public TokenRange End() => new(_chunks.Count - 1, _articleStart, Appended);
}
