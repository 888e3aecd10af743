namespace NewsBot.Core.Search;

/// <summary>
/// A query part tested one article at a time, for the articles a query's words bring. At a
/// million articles a <c>topic:</c> or <c>source:</c> worked out as a bitmap looks at every
/// article, while the words' postings hold a fraction of them; such parts are tested on those
/// alone. Words, phrases and patterns keep their bitmaps: those cost what their postings hold.
/// Slots of removed articles may pass; callers keep to the live ones.
/// </summary>
internal abstract class SlotTest
{
    public abstract bool Holds(int slot);

    /// <summary>The test of every one of <paramref name="parts"/>; bitmaps it needs come from <paramref name="bitmaps"/>.</summary>
    public static SlotTest All(IReadOnlyList<QueryNode> parts, QueryBitmaps bitmaps, ArticleSlots slots, IReadOnlyDictionary<int, string>? sourceNames) =>
        parts.Count == 1 ? Of(parts[0], bitmaps, slots, sourceNames) : new AllTest([.. parts.Select(p => Of(p, bitmaps, slots, sourceNames))]);

    /// <summary>Articles filed under <paramref name="topic"/>.</summary>
    public static SlotTest Topic(ArticleSlots slots, string topic) =>
        new TopicTest(slots.TopicSetOf, [.. slots.TopicSets.Select(set => Array.IndexOf(set, topic) >= 0)]);

    /// <summary>Articles of any of the sources <paramref name="sourceIds"/>.</summary>
    public static SlotTest Source(ArticleSlots slots, int[] sourceIds) => new SourceTest(slots.SourceIds, sourceIds);

    private static SlotTest Of(QueryNode node, QueryBitmaps bitmaps, ArticleSlots slots, IReadOnlyDictionary<int, string>? sourceNames) => node switch
    {
        TopicNode topic => Topic(slots, topic.Topic),
        SourceNode source => Source(slots, [.. QueryBitmaps.SourceIds(sourceNames, source.Key)]),
        NotNode not => new NotTest(Of(not.Part, bitmaps, slots, sourceNames)),
        AnyNode any => new AnyTest([.. any.Parts.Select(p => Of(p, bitmaps, slots, sourceNames))]),
        AllNode all => All(all.Parts, bitmaps, slots, sourceNames),
        _ => new BitmapTest(bitmaps.Of(node)),
    };

    private sealed class BitmapTest(ulong[] bits) : SlotTest
    {
        public override bool Holds(int slot) => SlotBitmap.Test(bits, slot);
    }

    private sealed class NotTest(SlotTest part) : SlotTest
    {
        public override bool Holds(int slot) => !part.Holds(slot);
    }

    private sealed class AnyTest(SlotTest[] parts) : SlotTest
    {
        public override bool Holds(int slot)
        {
            foreach (var part in parts)
            {
                if (part.Holds(slot))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class AllTest(SlotTest[] parts) : SlotTest
    {
        public override bool Holds(int slot)
        {
            foreach (var part in parts)
            {
                if (!part.Holds(slot))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed class SourceTest(int[] sourceOf, int[] sourceIds) : SlotTest
    {
        public override bool Holds(int slot) => Array.IndexOf(sourceIds, sourceOf[slot]) >= 0;
    }

    /// <summary>Each topic set an article may have is looked at once, before the slots are.</summary>
    private sealed class TopicTest(int[] topicSetOf, bool[] setHas) : SlotTest
    {
        public override bool Holds(int slot) => setHas[topicSetOf[slot]];
    }
}
