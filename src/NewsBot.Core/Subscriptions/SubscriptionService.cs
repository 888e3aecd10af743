namespace NewsBot.Core.Subscriptions;

/// <summary>
/// The one writer of subscriptions. Each change goes to the store first, then to the two
/// structures that hold subscriptions in memory: the <see cref="SubscriptionMatcher"/> that
/// instant pushes ask, and the <see cref="DigestSchedule"/> that daily digests ask. The store
/// never calls back; <see cref="RebuildAsync"/> fills both from it at start.
/// </summary>
public sealed class SubscriptionService(ISubscriptionStore store, SubscriptionMatcher matcher, DigestSchedule schedule)
{
    /// <summary>Stores the subscription and returns it with its id.</summary>
    public async Task<Subscription> AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var added = await store.AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        matcher.Add(added);
        schedule.Put(added);
        return added;
    }

    /// <summary>Removes the chat's subscriptions with these ids; returns how many went.</summary>
    public async Task<int> RemoveAsync(string chatKey, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var removed = await store.RemoveAsync(chatKey, ids, cancellationToken).ConfigureAwait(false);
        matcher.Remove(removed);
        schedule.Remove(removed);
        return removed.Count;
    }

    /// <summary>Changes how the chat's subscription is delivered; null when the chat has no such subscription.</summary>
    public async Task<Subscription?> SetOptionsAsync(string chatKey, int id, PushOptions options, CancellationToken cancellationToken)
    {
        var changed = await store.SetOptionsAsync(chatKey, id, options, cancellationToken).ConfigureAwait(false);
        if (changed is not null)
        {
            matcher.Add(changed);
            schedule.Put(changed);
        }

        return changed;
    }

    /// <summary>The store moved these subscriptions to another chat (a group that became a supergroup).</summary>
    public void Moved(IReadOnlyList<Subscription> subscriptions)
    {
        matcher.AddRange(subscriptions);
        foreach (var subscription in subscriptions)
        {
            schedule.Put(subscription);
        }
    }

    /// <summary>
    /// Brings these subscriptions of these chats in memory in line with the store, after another
    /// instance added, removed or moved them: those still stored are put (again), the others
    /// taken out. A subscription that is stored is never out of the matcher meanwhile.
    /// </summary>
    public async Task RefreshAsync(IReadOnlyCollection<int> ids, IReadOnlyCollection<string> chatKeys, CancellationToken cancellationToken)
    {
        var stored = new List<Subscription>();
        foreach (var chatKey in chatKeys.Distinct(StringComparer.Ordinal))
        {
            stored.AddRange((await store.ListForChatAsync(chatKey, cancellationToken).ConfigureAwait(false)).Where(s => ids.Contains(s.Id)));
        }

        var gone = ids.Except(stored.Select(s => s.Id)).ToList();
        matcher.Remove(gone);
        schedule.Remove(gone);
        Moved(stored);
    }

    /// <summary>Replaces what the matcher and the digest schedule hold with what the store holds.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var all = await store.AllAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        matcher.Reload(all);
        schedule.Reload(all);
    }
}
