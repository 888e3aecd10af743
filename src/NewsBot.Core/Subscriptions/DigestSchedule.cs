namespace NewsBot.Core.Subscriptions;

/// <summary>
/// The daily subscriptions in memory, each with the earliest moment its digest can be due, so
/// that a scheduler tick looks only at the few whose moment has come instead of reading every
/// subscription and chat. Kept in step with the store by <see cref="SubscriptionService"/>;
/// the store stays the truth and the scheduler checks it before sending anything.
/// </summary>
public sealed class DigestSchedule
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Slot> _slots = [];

    /// <summary>Holds the daily subscriptions among <paramref name="subscriptions"/> from now on, each to be checked at the next tick.</summary>
    public void Reload(IEnumerable<Subscription> subscriptions)
    {
        lock (_lock)
        {
            _slots.Clear();
            foreach (var subscription in subscriptions)
            {
                PutUnlocked(subscription);
            }
        }
    }

    /// <summary>The daily subscriptions whose digest may be due at <paramref name="now"/>.</summary>
    public IReadOnlyList<Subscription> Candidates(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _slots.Values.Where(s => s.CheckAt is null || s.CheckAt <= now).Select(s => s.Subscription).ToList();
        }
    }

    /// <summary>Nothing to do for the subscription before <paramref name="at"/>.</summary>
    public void Postpone(int subscriptionId, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (_slots.TryGetValue(subscriptionId, out var slot))
            {
                _slots[subscriptionId] = slot with { CheckAt = at };
            }
        }
    }

    /// <summary>The chat's clock changed (a new time zone): check its digests again at the next tick.</summary>
    public void Recheck(string chatKey)
    {
        lock (_lock)
        {
            foreach (var (id, slot) in _slots.Where(p => p.Value.Subscription.ChatKey == chatKey).ToList())
            {
                _slots[id] = slot with { CheckAt = null };
            }
        }
    }

    /// <summary>Files a new or changed subscription, to be checked at the next tick when it is a daily one.</summary>
    public void Put(Subscription subscription)
    {
        lock (_lock)
        {
            PutUnlocked(subscription);
        }
    }

    public void Remove(IReadOnlyCollection<int> subscriptionIds)
    {
        lock (_lock)
        {
            foreach (var id in subscriptionIds)
            {
                _slots.Remove(id);
            }
        }
    }

    private void PutUnlocked(Subscription subscription)
    {
        if (subscription.Mode == DeliveryMode.Daily && subscription.DailyAt is not null)
        {
            _slots[subscription.Id] = new Slot(subscription, null);
        }
        else
        {
            _slots.Remove(subscription.Id);
        }
    }

    private sealed record Slot(Subscription Subscription, DateTimeOffset? CheckAt);
}
