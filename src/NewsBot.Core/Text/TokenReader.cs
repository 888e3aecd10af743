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

            var start = i;
            while (i < text.Length && TextTokenizer.IsWordChar(text[i]))
            {
                i++;
            }

            // A word of combining marks alone folds to nothing and is no token.
            var token = TextTokenizer.FoldInto(text[start..i], _buffer);
            if (token.Length > 0)
            {
                _position = i;
                Current = token;
                return true;
            }
        }
    }
}
