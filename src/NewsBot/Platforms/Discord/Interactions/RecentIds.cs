namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>Remembers the last few thousand ids, so an event Discord delivers twice is handled once.</summary>
internal sealed class RecentIds(int capacity = 4096)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool Add(string id)
    {
        lock (_lock)
        {
            if (!_seen.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
