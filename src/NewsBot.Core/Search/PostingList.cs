namespace NewsBot.Core.Search;

/// <summary>
/// The postings of one token, <c>(slot &lt;&lt; 1) | inTitle</c>, in increasing slot order.
/// A bare array and count, so the search loop indexes it directly.
/// </summary>
internal sealed class PostingList
{
    public int[] Items { get; private set; } = [];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Span => Items.AsSpan(0, Count);

    /// <summary>Appends postings of slots after every slot the list has, in increasing slot order.</summary>
    public void AddRange(ReadOnlySpan<int> postings)
    {
        if (Count + postings.Length > Items.Length)
        {
            Grow(Count + postings.Length);
        }

        postings.CopyTo(Items.AsSpan(Count));
        Count += postings.Length;
    }

    /// <summary>Makes room for <paramref name="capacity"/> postings in all, when it knows how many are coming.</summary>
    public void Reserve(int capacity)
    {
        if (capacity > Items.Length)
        {
            var items = GC.AllocateUninitializedArray<int>(capacity);
            Span.CopyTo(items);
            Items = items;
        }
    }

    /// <summary>Drops postings of removed slots and maps the rest to their new slots (order is kept: renumbering is monotone).</summary>
    public void Renumber(int[] renumbered)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            var to = renumbered[Items[i] >> 1];
            if (to != ArticleSlots.Removed)
            {
                Items[kept++] = (to << 1) | (Items[i] & 1);
            }
        }

        Count = kept;
    }

    // At least doubles, so appending a few at a time stays linear. Nothing reads past Count, so
    // the new room is left unzeroed.
    private void Grow(int needed)
    {
        var items = GC.AllocateUninitializedArray<int>(Math.Max(needed, Math.Max(4, Items.Length * 2)));
        Span.CopyTo(items);
        Items = items;
    }

    /// <summary>
    /// Moves <paramref name="at"/> to the first posting at or after <paramref name="slot"/> (in
    /// growing steps, then halving) and returns the posting of <paramref name="slot"/>, or -1.
    /// </summary>
    public static int Gallop(int[] items, int count, ref int at, int slot)
    {
        var low = at;
        if (low >= count || items[low] >> 1 >= slot)
        {
            return low < count && items[low] >> 1 == slot ? items[low] : -1;
        }

        // items[low] is before slot: find a step past it, then search between.
        var step = 1;
        var high = low + step;
        while (high < count && items[high] >> 1 < slot)
        {
            low = high;
            step <<= 1;
            high = low + step;
        }

        high = Math.Min(high, count);
        while (low + 1 < high)
        {
            var middle = (low + high) >>> 1;
            if (items[middle] >> 1 < slot)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        at = high;
        return high < count && items[high] >> 1 == slot ? items[high] : -1;
    }
}
