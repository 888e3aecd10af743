namespace NewsBot.Core.Text;

/// <summary>
/// The tokens of a text, one at a time, by the rules of <see cref="TextTokenizer.Tokenize"/>.
/// Indexing reads millions of tokens at start; this reader hands each out as a span (folded
/// into a caller's buffer when the word is plain ASCII), so a token costs a string only when
/// the index has never seen it. Get one from <see cref="TextTokenizer.Read"/>.
/// </summary>
public ref struct TokenReader
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _position;

    internal TokenReader(ReadOnlySpan<char> text, Span<char> buffer)
    {
        _text = text;
        _buffer = buffer;
    }

    /// <summary>The token read by the last successful <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    // Runs over every stored token at start: optimised from the first call (see ArticleIndex.AddRange).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        var text = _text;
        var buffer = _buffer;
        var i = _position;
        while (true)
        {
            while (i < text.Length && !TextTokenizer.IsWordChar(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                _position = i;
                Current = default;
                return false;
            }

            // Most words are plain ASCII: folded into the buffer as they are scanned, one pass.
            var start = i;
            var length = 0;
            var plain = true;
            while (i < text.Length)
            {
                var c = text[i];
                var folded = c < 128 ? AsciiFold[c] : (byte)0;
                if (folded == 0)
                {
                    plain = c < 128 || !TextTokenizer.IsWordChar(c);
                    break;
                }

                if (length == buffer.Length)
                {
                    plain = false;
                    break;
                }

                buffer[length++] = (char)folded;
                i++;
            }

            if (plain)
            {
                _position = i;
                Current = TextTokenizer.StemInPlace(buffer[..length]);
                return true;
            }

            while (i < text.Length && TextTokenizer.IsWordChar(text[i]))
            {
                i++;
            }

            // A word of combining marks alone folds to nothing and is no token.
            var token = TextTokenizer.FoldInto(text[start..i], buffer);
            if (token.Length > 0)
            {
                _position = i;
                Current = token;
                return true;
            }
        }
    }

    /// <summary>Per ASCII character, its lower case if it is a letter or a digit, else 0.</summary>
    private static ReadOnlySpan<byte> AsciiFold =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0, 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
    ];
}
