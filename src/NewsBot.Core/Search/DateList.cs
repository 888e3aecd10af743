namespace NewsBot.Core.Search;

/// <summary>
/// Keys newest first, kept as sorted blocks of at most <see cref="BlockSize"/> keys: 16 bytes
/// a key instead of a tree node object each (a million articles are listed three times over,
/// once by date and about twice by topic), found by a binary search over the blocks and then
/// within one. A page is found by counting whole blocks. Not thread-safe on its own.
/// </summary>
internal sealed class DateList
{
    private const int BlockSize = 1024;

    // A batch at least this large is merged in one pass instead of inserted key by key.
    private const int MergeThreshold = 256;

    // A merge fills blocks this far, leaving room for later inserts before a block splits.
    private const int MergeFill = BlockSize * 3 / 4;

    private List<Block> _blocks = [];

    public int Count { get; private set; }

    public void Add(DateKey key)
    {
        if (_blocks.Count == 0)
        {
            _blocks.Add(new Block());
        }

        var b = BlockFor(key);
        var block = _blocks[b];
        var at = block.Find(key);
        if (at >= 0)
        {
            return;
        }

        block.Insert(~at, key);
        Count++;
        if (block.Count == BlockSize)
        {
            _blocks.Insert(b + 1, block.SplitOff(BlockSize / 2));
        }
    }

    /// <summary>Adds keys not listed yet: one by one for a few, in one merge for many.</summary>
    public void AddRange(List<DateKey> keys)
    {
        if (keys.Count < MergeThreshold)
        {
            foreach (var key in keys)
            {
                Add(key);
            }

            return;
        }

        var added = CollectionsMarshal.AsSpan(keys);
        added.Sort(default(NewestFirstOrder));
        var blocks = new List<Block>((Count + keys.Count) / MergeFill + 1);
        var merged = new Block();
        var count = 0;
        var i = 0;
        DateKey? last = null;
        foreach (var block in _blocks)
        {
            foreach (var key in block.Keys)
            {
                while (i < added.Length && NewestFirst.Instance.Compare(added[i], key) < 0)
                {
                    Append(added[i++]);
                }

                Append(key);
            }
        }

        while (i < added.Length)
        {
            Append(added[i++]);
        }

        if (merged.Count > 0)
        {
            blocks.Add(merged);
        }

        _blocks = blocks;
        Count = count;

        void Append(DateKey key)
        {
            if (last == key)
            {
                return;
            }

            last = key;
            if (merged.Count == MergeFill)
            {
                blocks.Add(merged);
                merged = new Block();
            }

            merged.Insert(merged.Count, key);
            count++;
        }
    }

    public bool Remove(DateKey key)
    {
        if (_blocks.Count == 0)
        {
            return false;
        }

        var b = BlockFor(key);
        var block = _blocks[b];
        var at = block.Find(key);
        if (at < 0)
        {
            return false;
        }

        block.RemoveAt(at);
        Count--;
        if (block.Count == 0 && _blocks.Count > 1)
        {
            _blocks.RemoveAt(b);
        }

        return true;
    }

    /// <summary>The ids of <paramref name="take"/> keys after the first <paramref name="skip"/>.</summary>
    public List<int> Page(int skip, int take)
    {
        var ids = new List<int>(Math.Max(0, Math.Min(take, Count)));
        skip = Math.Max(0, skip);
        if (take <= 0 || skip >= Count)
        {
            return ids;
        }

        foreach (var block in _blocks)
        {
            if (skip >= block.Count)
            {
                skip -= block.Count;
                continue;
            }

            foreach (var key in block.Keys[skip..])
            {
                ids.Add(key.Id);
                if (ids.Count == take)
                {
                    return ids;
                }
            }

            skip = 0;
        }

        return ids;
    }

    /// <summary>The block <paramref name="key"/> belongs in: the first whose oldest key is not newer than it, else the last.</summary>
    private int BlockFor(DateKey key)
    {
        int low = 0, high = _blocks.Count - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (NewestFirst.Instance.Compare(_blocks[middle].Oldest, key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private sealed class Block
    {
        private DateKey[] _keys = new DateKey[16];

        public int Count { get; private set; }

        public ReadOnlySpan<DateKey> Keys => _keys.AsSpan(0, Count);

        public DateKey Oldest => _keys[Count - 1];

        /// <summary>The key's index, or the bitwise complement of where it would go.</summary>
        public int Find(DateKey key) => Count == 0 ? ~0 : Keys.BinarySearch(key, NewestFirst.Instance);

        public void Insert(int at, DateKey key)
        {
            if (Count == _keys.Length)
            {
                Array.Resize(ref _keys, Math.Min(BlockSize, _keys.Length * 2));
            }

            Array.Copy(_keys, at, _keys, at + 1, Count - at);
            _keys[at] = key;
            Count++;
        }

        public void RemoveAt(int at)
        {
            Count--;
            Array.Copy(_keys, at + 1, _keys, at, Count - at);
        }

        /// <summary>Moves the keys from <paramref name="from"/> on into a new block that follows this one.</summary>
        public Block SplitOff(int from)
        {
            var rest = new Block { _keys = new DateKey[BlockSize] };
            Array.Copy(_keys, from, rest._keys, 0, Count - from);
            rest.Count = Count - from;
            Count = from;
            return rest;
        }
    }

    private readonly struct NewestFirstOrder : IComparer<DateKey>
    {
        public int Compare(DateKey x, DateKey y) => NewestFirst.Order(x, y);
    }
}
