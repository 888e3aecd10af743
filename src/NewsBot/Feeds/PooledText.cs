using System.Buffers;

namespace NewsBot.Feeds;

/// <summary>
/// A growing run of characters in a pooled array: a whole feed document is written and read
/// without one large-object allocation per copy, which on a big heap costs a full collection.
/// </summary>
internal sealed class PooledText : IDisposable
{
    private char[] _buffer;

    public PooledText(int capacity) => _buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 256));

    public int Length { get; private set; }

    public ReadOnlyMemory<char> Memory => _buffer.AsMemory(0, Length);

    public PooledText Append(char c)
    {
        Reserve(1);
        _buffer[Length++] = c;
        return this;
    }

    public PooledText Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_buffer.AsSpan(Length));
        Length += text.Length;
        return this;
    }

    public PooledText Append(char c, int repeat)
    {
        Reserve(repeat);
        _buffer.AsSpan(Length, repeat).Fill(c);
        Length += repeat;
        return this;
    }

    public override string ToString() => new(_buffer, 0, Length);

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        Length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void Reserve(int more)
    {
        if (Length + more <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + more));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
