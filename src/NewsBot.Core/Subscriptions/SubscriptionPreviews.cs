namespace NewsBot.Core.Subscriptions;

/// <summary>
/// The previews of /subscribe that wait for their Subscribe or Cancel, in memory: a preview
/// is a question to one person in one chat, worth nothing after <see cref="Lifetime"/> and
/// nothing after a restart (the person types /subscribe again). Only the person who asked, in
/// the chat where they asked, can confirm or cancel it, and a confirm goes through once: the
/// preview is claimed before the subscription is made, so a second press finds it taken.
/// </summary>
public sealed class SubscriptionPreviews(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Previews kept at most; the oldest go first, so nobody can fill the memory with them.</summary>
    public const int MostKept = 10_000;

    // Finished and expired previews are remembered this long, to answer a late press with what became of them.
    private static readonly TimeSpan Remembered = Lifetime * 4;

    private readonly Lock _lock = new();
    private readonly Dictionary<int, Entry> _entries = [];
    private int _lastId;

    public PendingSubscription Add(string chatKey, string userKey, SubscriptionKind kind, string query, DeliveryMode mode, TimeOnly? dailyAt)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Forget(now);
            var pending = new PendingSubscription(++_lastId, chatKey, userKey, kind, query, mode, dailyAt, now + Lifetime);
            _entries[pending.Id] = new Entry(pending, PreviewState.Pending, null);
            return pending;
        }
    }

    /// <summary>
    /// Takes the preview for a confirm: <see cref="PreviewState.Pending"/> with the preview when
    /// the caller may go ahead (and must then <see cref="Complete"/> or <see cref="Release"/> it),
    /// otherwise why not.
    /// </summary>
    public PreviewClaim Claim(int id, string chatKey, string userKey) => Change(id, chatKey, userKey, PreviewState.Confirming);

    /// <summary>Cancels the preview: <see cref="PreviewState.Pending"/> when it was waiting and is now cancelled, otherwise its state.</summary>
    public PreviewClaim Cancel(int id, string chatKey, string userKey) => Change(id, chatKey, userKey, PreviewState.Cancelled);

    /// <summary>The claimed preview made subscription <paramref name="subscriptionId"/>.</summary>
    public void Complete(int id, int subscriptionId) => Set(id, PreviewState.Confirmed, subscriptionId);

    /// <summary>The claimed preview made nothing (the chat reached its limit meanwhile, say): it waits again.</summary>
    public void Release(int id) => Set(id, PreviewState.Pending, null);

    private PreviewClaim Change(int id, string chatKey, string userKey, PreviewState to)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out var entry))
            {
                return new PreviewClaim(PreviewState.Unknown);
            }

            var pending = entry.Pending;
            if (!string.Equals(pending.ChatKey, chatKey, StringComparison.Ordinal))
            {
                return new PreviewClaim(PreviewState.OtherChat);
            }

            if (!string.Equals(pending.UserKey, userKey, StringComparison.Ordinal))
            {
                return new PreviewClaim(PreviewState.OtherPerson, pending);
            }

            if (entry.State != PreviewState.Pending)
            {
                return new PreviewClaim(entry.State, pending, entry.SubscriptionId);
            }

            if (now >= pending.ExpiresAt)
            {
                return new PreviewClaim(PreviewState.Expired, pending);
            }

            _entries[id] = entry with { State = to };
            return new PreviewClaim(PreviewState.Pending, pending);
        }
    }

    private void Set(int id, PreviewState state, int? subscriptionId)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(id, out var entry))
            {
                _entries[id] = entry with { State = state, SubscriptionId = subscriptionId };
            }
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var id in _entries.Where(e => e.Value.Pending.ExpiresAt - Lifetime + Remembered <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(id);
        }

        if (_entries.Count >= MostKept)
        {
            foreach (var id in _entries.Keys.Order().Take(_entries.Count - MostKept + 1).ToList())
            {
                _entries.Remove(id);
            }
        }
    }

    private sealed record Entry(PendingSubscription Pending, PreviewState State, int? SubscriptionId);
}
