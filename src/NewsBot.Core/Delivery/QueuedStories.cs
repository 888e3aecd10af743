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
    public static readonly TimeSpan Remembered = Articles.ArticleIngestor.StoryWindow + TimeSpan.FromDays(1);

    // Memory is forgotten a generation at a time rather than per story: one set of
    // (chat number, story) pairs packed into a long per 12 hours.
    private static readonly TimeSpan Generation = TimeSpan.FromHours(12);

    private readonly Dictionary<string, int> _chatNumbers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, HashSet<long>> _generations = [];

    public int Count => _generations.Values.Sum(g => g.Count);

    public bool Contains(string chatKey, int storyId)
    {
        if (!_chatNumbers.TryGetValue(chatKey, out var chat))
        {
            return false;
        }

        var pair = Pack(chat, storyId);
        foreach (var pairs in _generations.Values)
        {
            if (pairs.Contains(pair))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Remembers that the chat has these stories queued, as of <paramref name="at"/>.</summary>
    public void Add(string chatKey, IEnumerable<int> storyIds, DateTimeOffset at)
    {
        if (!_chatNumbers.TryGetValue(chatKey, out var chat))
        {
            chat = _chatNumbers.Count;
            _chatNumbers.Add(chatKey, chat);
        }

        var generation = at.UtcTicks / Generation.Ticks;
        if (!_generations.TryGetValue(generation, out var pairs))
        {
            pairs = [];
            _generations.Add(generation, pairs);
        }

        foreach (var story in storyIds)
        {
            pairs.Add(Pack(chat, story));
        }
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

    private static long Pack(int chat, int story) => ((long)chat << 32) | (uint)story;
}
