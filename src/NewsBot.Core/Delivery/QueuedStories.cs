namespace NewsBot.Core.Delivery;

/// <summary>
/// The stories already queued for each chat, kept in memory so that planning a fan-out to many
/// chats never asks the database whether a chat already has a story. A story is remembered for
/// <see cref="Remembered"/>: longer than the window in which a later report from another source
/// still joins the same story. Not thread-safe: the planner uses it under its lock.
/// </summary>
public sealed class QueuedStories
{
    /// <summary>How long a queued story is remembered: the story window and a day more.</summary>
    public static readonly TimeSpan Remembered = ArticleIngestor.StoryWindow + TimeSpan.FromDays(1);

    // Memory is forgotten a generation at a time rather than per story: per 12 hours, one sorted
    // array of story ids per chat number. A fan-out gives 100,000 chats some 20 stories each; a
    // hash set of pairs cost about 40 bytes a story, these arrays about 5.
    private static readonly TimeSpan Generation = TimeSpan.FromHours(12);

    private readonly Dictionary<string, int> _chatNumbers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, int[]?[]> _generations = [];

    /// <summary>The chat's number here, or -1 when nothing was ever queued for it.</summary>
    public int NumberOf(string chatKey) => _chatNumbers.TryGetValue(chatKey, out var chat) ? chat : -1;

    /// <summary>Whether the story is queued for the chat of this <see cref="NumberOf"/> (nothing is, for -1).</summary>
    public bool Contains(int chat, int storyId)
    {
        if (chat < 0)
        {
            return false;
        }

        foreach (var stories in _generations.Values)
        {
            if (chat < stories.Length && stories[chat] is { } queued && Array.BinarySearch(queued, storyId) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Remembers that the chat has these stories queued, as of <paramref name="at"/>.</summary>
    public void Add(string chatKey, IReadOnlyList<int> storyIds, DateTimeOffset at)
    {
        if (!_chatNumbers.TryGetValue(chatKey, out var chat))
        {
            chat = _chatNumbers.Count;
            _chatNumbers.Add(chatKey, chat);
        }

        var generation = at.UtcTicks / Generation.Ticks;
        if (!_generations.TryGetValue(generation, out var stories))
        {
            stories = new int[]?[Math.Max(chat + 1, 1024)];
            _generations.Add(generation, stories);
        }
        else if (chat >= stories.Length)
        {
            Array.Resize(ref stories, Math.Max(chat + 1, stories.Length * 2));
            _generations[generation] = stories;
        }

        var old = stories[chat] ?? [];
        var merged = new int[old.Length + storyIds.Count];
        old.CopyTo(merged, 0);
        for (var i = 0; i < storyIds.Count; i++)
        {
            merged[old.Length + i] = storyIds[i];
        }

        Array.Sort(merged);
        var distinct = 0;
        for (var i = 0; i < merged.Length; i++)
        {
            if (distinct == 0 || merged[i] != merged[distinct - 1])
            {
                merged[distinct++] = merged[i];
            }
        }

        stories[chat] = distinct == merged.Length ? merged : merged[..distinct];
    }

    /// <summary>Forgets what was queued more than <see cref="Remembered"/> (and at most one generation more) before <paramref name="now"/>.</summary>
    public void Forget(DateTimeOffset now)
    {
        var oldestKept = (now - Remembered).UtcTicks / Generation.Ticks;
        foreach (var generation in _generations.Keys.Where(g => g < oldestKept).ToList())
        {
            _generations.Remove(generation);
        }
    }
}
