namespace NewsBot.Platforms;

/// <summary>Remembers the last <c>capacity</c> ids, so an event the platform delivers twice is handled once.</summary>
internal sealed class RecentIds<TId>(int capacity, IEqualityComparer<TId>? comparer = null)
    where TId : notnull
{
    private readonly Lock _lock = new();
    private readonly HashSet<TId> _seen = new(comparer);
    private readonly Queue<TId> _order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool Add(TId id)
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
