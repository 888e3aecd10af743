using System.Buffers.Binary;

namespace NewsBot.Storage;

/// <summary>The stories of an outbox entry and the article shown for each, packed as (story, article) int32 pairs.</summary>
internal static class StoryPairs
{
    public static byte[]? Pack(IReadOnlyList<int> storyIds, IReadOnlyList<int> articleIds)
    {
        if (storyIds.Count == 0)
        {
            return null;
        }

        if (articleIds.Count != storyIds.Count)
        {
            throw new ArgumentException($"An outbox entry needs one article per story; got {storyIds.Count} stories and {articleIds.Count} articles.", nameof(articleIds));
        }

        var bytes = new byte[storyIds.Count * 8];
        for (var i = 0; i < storyIds.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 8), storyIds[i]);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((i * 8) + 4), articleIds[i]);
        }

        return bytes;
    }

    public static (int[] StoryIds, int[] ArticleIds) Unpack(byte[]? bytes)
    {
        var count = (bytes?.Length ?? 0) / 8;
        var stories = new int[count];
        var articles = new int[count];
        for (var i = 0; i < count; i++)
        {
            stories[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 8));
            articles[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan((i * 8) + 4));
        }

        return (stories, articles);
    }

    public static bool Contains(byte[]? bytes, int storyId)
    {
        for (var i = 0; i + 8 <= (bytes?.Length ?? 0); i += 8)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i)) == storyId)
            {
                return true;
            }
        }

        return false;
    }
}
