using System.Numerics;

namespace NewsBot.Core.Search;

/// <summary>A set of slots as one bit per slot, 64 to a word: for counting and testing many slots at once.</summary>
internal static class SlotBitmap
{
    /// <summary>The words that hold <paramref name="slots"/> bits.</summary>
    public static int WordsFor(int slots) => (slots + 63) >> 6;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Test(ulong[] bits, int slot) => (bits[slot >> 6] & (1UL << slot)) != 0;

    /// <summary>Sets the bit of <paramref name="slot"/>, growing the bitmap (by a quarter at least) when it is too short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(ref ulong[] bits, int slot)
    {
        var word = slot >> 6;
        if (word >= bits.Length)
        {
            Grow(ref bits, word + 1);
        }

        bits[word] |= 1UL << slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear(ulong[] bits, int slot)
    {
        var word = slot >> 6;
        if (word < bits.Length)
        {
            bits[word] &= ~(1UL << slot);
        }
    }

    /// <summary>The slots of one posting list as a bitmap of at least <paramref name="slots"/> bits.</summary>
    public static ulong[] Of(PostingList postings, int slots)
    {
        var bits = new ulong[WordsFor(slots)];
        foreach (var posting in postings.Span)
        {
            Set(ref bits, posting >> 1);
        }

        return bits;
    }

    /// <summary><paramref name="into"/> |= <paramref name="bits"/> over the first <paramref name="words"/> words (missing words of <paramref name="bits"/> are 0).</summary>
    public static void Or(ulong[] into, ulong[] bits, int words)
    {
        var span = into.AsSpan(0, words);
        var from = bits.AsSpan(0, Math.Min(words, bits.Length));
        for (var i = 0; i < from.Length; i++)
        {
            span[i] |= from[i];
        }
    }

    /// <summary><paramref name="into"/> &amp;= <paramref name="bits"/> over the first <paramref name="words"/> words (missing words of <paramref name="bits"/> are 0).</summary>
    public static void And(ulong[] into, ulong[] bits, int words)
    {
        var span = into.AsSpan(0, words);
        var from = bits.AsSpan(0, Math.Min(words, bits.Length));
        for (var i = 0; i < from.Length; i++)
        {
            span[i] &= from[i];
        }

        span[from.Length..].Clear();
    }

    /// <summary><paramref name="into"/> &amp;= ~<paramref name="bits"/> over the first <paramref name="words"/> words.</summary>
    public static void AndNot(ulong[] into, ulong[] bits, int words)
    {
        var span = into.AsSpan(0, words);
        var from = bits.AsSpan(0, Math.Min(words, bits.Length));
        for (var i = 0; i < from.Length; i++)
        {
            span[i] &= ~from[i];
        }
    }

    /// <summary>How many slots are in both bitmaps, over the first <paramref name="words"/> words.</summary>
    public static int CountBoth(ulong[] a, ulong[] b, int words)
    {
        var count = 0;
        var left = a.AsSpan(0, words);
        var right = b.AsSpan(0, words);
        for (var i = 0; i < left.Length; i++)
        {
            count += BitOperations.PopCount(left[i] & right[i]);
        }

        return count;
    }

    private static void Grow(ref ulong[] bits, int words) =>
        Array.Resize(ref bits, Math.Max(words, bits.Length + (bits.Length / 4) + 1));
}
