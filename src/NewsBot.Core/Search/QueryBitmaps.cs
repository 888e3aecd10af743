using System.Buffers;
using System.Numerics;

namespace NewsBot.Core.Search;

/// <summary>
/// The slots a <see cref="QueryNode"/> matches, as a bitmap over every slot in use: words and
/// phrases from their postings, a pattern from the words of the vocabulary it finds, a source
/// or a topic from each article's own. Slots of removed articles may be set; callers keep to
/// the live ones. Reads only, under <see cref="ArticleIndex"/>'s read lock.
/// </summary>
/// <remarks>
/// At a million articles a bitmap is 125 KB, large enough for the large-object heap, where a
/// query's few bitmaps would stay as garbage until a full collection. They are rented from the
/// shared pool instead and go back when the query is done: every bitmap handed out here is
/// valid until <see cref="Dispose"/>, and may be longer than <see cref="Words"/> (the rest is 0).
/// </remarks>
internal sealed class QueryBitmaps(PostingIndex postings, ArticleSlots slots, IReadOnlyDictionary<int, string>? sourceNames) : IDisposable
{
    private readonly int _words = SlotBitmap.WordsFor(slots.Used);
    private readonly List<ulong[]> _rented = [];

    /// <summary>The words (of 64 slots) every bitmap here has.</summary>
    public int Words => _words;

    /// <summary>Every live slot.</summary>
    public ulong[] Live()
    {
        var bits = Rent();
        SlotBitmap.Or(bits, slots.Plain, _words);
        SlotBitmap.Or(bits, slots.Story, _words);
        return bits;
    }

    public ulong[] Of(QueryNode node) => node switch
    {
        TermNode term => Term(term),
        SourceNode source => Source(source.Key),
        TopicNode topic => Topic(topic.Topic),
        PatternNode pattern => Pattern(pattern),
        NotNode not => Not(not.Part),
        AnyNode any => Any(any.Parts),
        AllNode all => All(all.Parts),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>The live slots every one of <paramref name="parts"/> matches.</summary>
    public ulong[] All(IReadOnlyList<QueryNode> parts)
    {
        var bits = Live();
        foreach (var part in parts)
        {
            SlotBitmap.And(bits, Of(part), _words);
        }

        return bits;
    }

    public void Dispose()
    {
        foreach (var bits in _rented)
        {
            ArrayPool<ulong>.Shared.Return(bits);
        }

        _rented.Clear();
    }

    /// <summary>The slots set in <paramref name="bits"/>, in increasing order.</summary>
    public static IEnumerable<int> SlotsOf(ulong[] bits, int words)
    {
        for (var i = 0; i < words; i++)
        {
            var word = bits[i];
            while (word != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    private ulong[] Any(IReadOnlyList<QueryNode> parts)
    {
        var bits = Rent();
        foreach (var part in parts)
        {
            SlotBitmap.Or(bits, Of(part), _words);
        }

        return bits;
    }

    private ulong[] Not(QueryNode part)
    {
        var bits = Live();
        SlotBitmap.AndNot(bits, Of(part), _words);
        return bits;
    }

    private ulong[] Term(TermNode term)
    {
        var bits = Rent();
        var ids = new int[term.Tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!postings.TryGetId(term.Tokens[i], out ids[i]))
            {
                return bits;
            }
        }

        if (!term.IsPhrase && !term.TitleOnly && postings.BitmapOf(ids[0]) is { Length: > 0 } dense)
        {
            SlotBitmap.Or(bits, dense, _words);
            return bits;
        }

        var rarest = ids.MinBy(t => postings[t].Count);
        foreach (var posting in postings[rarest].Span)
        {
            var slot = posting >> 1;
            if (term.TitleOnly && (posting & 1) == 0)
            {
                continue;
            }

            if (!term.IsPhrase || slots.ContainsPhrase(slot, ids, term.TitleOnly))
            {
                bits[slot >> 6] |= 1UL << slot;
            }
        }

        return bits;
    }

    private ulong[] Pattern(PatternNode pattern)
    {
        var bits = Rent();
        foreach (var (word, id) in postings.Vocabulary())
        {
            if (!pattern.Finds(word))
            {
                continue;
            }

            foreach (var posting in postings[id].Span)
            {
                if (!pattern.TitleOnly || (posting & 1) != 0)
                {
                    var slot = posting >> 1;
                    bits[slot >> 6] |= 1UL << slot;
                }
            }
        }

        return bits;
    }

    /// <summary>The ids of the sources whose name reads as <paramref name="key"/>.</summary>
    public static IEnumerable<int> SourceIds(IReadOnlyDictionary<int, string>? sourceNames, string key) =>
        (sourceNames ?? new Dictionary<int, string>())
            .Where(s => string.Equals(SourceNameKey.Of(s.Value), key, StringComparison.Ordinal))
            .Select(s => s.Key);

    private ulong[] Source(string key)
    {
        int[] ids = [.. SourceIds(sourceNames, key)];
        return ids.Length == 0 ? Rent() : Passing(SlotTest.Source(slots, ids));
    }

    private ulong[] Topic(string topic) => Passing(SlotTest.Topic(slots, topic));

    /// <summary>Every slot the test passes, tried one by one.</summary>
    private ulong[] Passing(SlotTest test)
    {
        var bits = Rent();
        for (var slot = 0; slot < slots.Used; slot++)
        {
            if (test.Holds(slot))
            {
                bits[slot >> 6] |= 1UL << slot;
            }
        }

        return bits;
    }

    private ulong[] Rent()
    {
        var bits = ArrayPool<ulong>.Shared.Rent(Math.Max(1, _words));
        Array.Clear(bits);
        _rented.Add(bits);
        return bits;
    }
}
