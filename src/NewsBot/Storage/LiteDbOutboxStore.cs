using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// The outbox in LiteDB. Two indexes only: the unique dedup key (which also finds a chat's
/// entries by prefix) and the next attempt time (set only while pending, so it holds just the
/// queue). Every write is one transaction.
/// </summary>
internal sealed class LiteDbOutboxStore(NewsBotDatabase database) : IOutboxStore
{
    /// <summary>The state value holding the id of the last article planned (see <see cref="IOutboxStore.PlannedThrough"/>).</summary>
    internal const string PlannedThroughKey = "delivery.planned-through";

    private readonly Lock _writeLock = new();

    public ValueTask<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Enqueue(entries));

    public ValueTask<IReadOnlyList<OutboxEntry>> DueAsync(string platform, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<OutboxEntry>>(Due(platform, now, limit));

    public ValueTask MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        MarkSent(ids, at);
        return ValueTask.CompletedTask;
    }

    public ValueTask RescheduleAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt, CancellationToken cancellationToken)
    {
        Reschedule(ids, at, error, countAttempt);
        return ValueTask.CompletedTask;
    }

    public ValueTask DropAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken)
    {
        Drop(ids, reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask FailAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken)
    {
        Fail(ids, reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask<int> DropPendingAsync(string chatKey, string reason, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DropPending(chatKey, reason));

    public ValueTask<int> ReleasePendingAsync(string chatKey, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ReleasePending(chatKey, at));

    public ValueTask<OutboxEntry?> FindAsync(string chatKey, int storyId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(chatKey, storyId));

    public ValueTask<int> CountPendingAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(CountPending());

    public ValueTask<OutboxCounts> CountForAsync(OutboxKind kind, string reference, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CountFor(kind, reference));

    public ValueTask<int> PlannedThroughAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(PlannedThrough());

    public ValueTask<int> EnqueuePlannedAsync(IReadOnlyList<OutboxEntry> entries, int plannedThroughArticleId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(EnqueuePlanned(entries, plannedThroughArticleId));

    public IAsyncEnumerable<(string ChatKey, IReadOnlyList<int> StoryIds, DateTimeOffset CreatedAt)> StoriesQueuedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        LiteDbThreadBinding.ReadNow(StoriesQueuedSince(since));

    public ValueTask<int> DeleteFinishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DeleteFinishedBefore(before));

    private int Enqueue(IReadOnlyList<OutboxEntry> entries) => Write(() => Insert(entries));

    private int PlannedThrough() =>
        database.State.FindById(PlannedThroughKey) is { } stored && int.TryParse(stored.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private int EnqueuePlanned(IReadOnlyList<OutboxEntry> entries, int plannedThroughArticleId) => Write(() =>
    {
        // The planner's keys are new by construction (its batch, its position moved in this same
        // transaction), so no lookup per entry; the unique index still refuses a duplicate.
        var added = entries.Count == 0 ? 0 : database.Outbox.InsertBulk(entries.Select(ToDocument), entries.Count);
        database.State.Upsert(new StateDocument { Id = PlannedThroughKey, Value = plannedThroughArticleId.ToString(CultureInfo.InvariantCulture) });
        return added;
    });

    private IEnumerable<(string ChatKey, IReadOnlyList<int> StoryIds, DateTimeOffset CreatedAt)> StoriesQueuedSince(DateTimeOffset since)
    {
        var from = Dates.ToStored(since);
        var story = nameof(OutboxKind.Story);
        return database.Outbox.Query()
            .Where(o => o.Kind == story && o.CreatedAt >= from)
            .Select(o => new { o.ChatKey, o.Stories, o.CreatedAt })
            .ToEnumerable()
            .Select(o => (o.ChatKey, (IReadOnlyList<int>)StoryPairs.Unpack(o.Stories).StoryIds, Dates.FromStored(o.CreatedAt)));
    }

    private int DeleteFinishedBefore(DateTimeOffset before)
    {
        var until = Dates.ToStored(before);
        return Write(() => database.Outbox.DeleteMany(o => o.NextAttemptAt == null && o.CreatedAt < until));
    }

    private List<OutboxEntry> Due(string platform, DateTimeOffset now, int limit)
    {
        // A range on the index, walked in its order and stopped at the limit; the LINQ form
        // walked the finished entries (null) first and cost 10-20 times more per round.
        var query = Query.And(
            Query.Between("$.NextAttemptAt", new BsonValue(DateTime.MinValue), new BsonValue(Dates.ToStored(now))),
            Query.EQ("$.Platform", platform));
        return database.Outbox.Find(query, 0, limit).Select(ToEntry).ToList();
    }

    private void MarkSent(IReadOnlyCollection<long> ids, DateTimeOffset at) =>
        Change(ids, d =>
        {
            d.State = nameof(OutboxState.Sent);
            d.SentAt = Dates.ToStored(at);
            d.NextAttemptAt = null;
            d.LastError = null;
        });

    private void Reschedule(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt) =>
        Change(ids, d =>
        {
            d.NextAttemptAt = Dates.ToStored(at);
            d.LastError = error;
            if (countAttempt)
            {
                d.Attempts++;
            }
        });

    private void Drop(IReadOnlyCollection<long> ids, string reason) => Finish(ids, OutboxState.Dropped, reason);

    private void Fail(IReadOnlyCollection<long> ids, string reason) => Finish(ids, OutboxState.Failed, reason);

    private int DropPending(string chatKey, string reason)
    {
        var ids = ForChat(chatKey).Where(o => o.NextAttemptAt is not null).Select(o => o.Id).ToList();
        Finish(ids, OutboxState.Blocked, reason);
        return ids.Count;
    }

    private int ReleasePending(string chatKey, DateTimeOffset at)
    {
        var due = Dates.ToStored(at);
        var ids = ForChat(chatKey).Where(o => o.NextAttemptAt is { } next && next > due).Select(o => o.Id).ToList();
        Change(ids, d => d.NextAttemptAt = due);
        return ids.Count;
    }

    private OutboxEntry? Find(string chatKey, int storyId)
    {
        var document = ForChat(chatKey)
            .Where(o => o.Kind == nameof(OutboxKind.Story) && StoryPairs.Contains(o.Stories, storyId))
            .OrderBy(o => o.Id)
            .FirstOrDefault();
        return document is null ? null : ToEntry(document);
    }

    private int CountPending() => database.Outbox.Count(o => o.NextAttemptAt != null);

    private OutboxCounts CountFor(OutboxKind kind, string reference)
    {
        var kindName = kind.ToString();
        var states = database.Outbox.Query()
            .Where(o => o.Reference == reference && o.Kind == kindName)
            .Select(o => o.State)
            .ToList();
        return new OutboxCounts(
            states.Count(s => s == nameof(OutboxState.Pending)),
            states.Count(s => s == nameof(OutboxState.Sent)),
            states.Count(s => s == nameof(OutboxState.Failed)),
            states.Count(s => s == nameof(OutboxState.Blocked)));
    }

    // Measured: the plain field name uses the dedup-key index here (about 0.1 ms), "$.DedupKey" does not.
    private IEnumerable<OutboxDocument> ForChat(string chatKey) =>
        database.Outbox.Find(Query.StartsWith(nameof(OutboxDocument.DedupKey), OutboxKeys.ChatPrefix(chatKey)));

    private int Insert(IReadOnlyList<OutboxEntry> entries)
    {
        var collection = database.Outbox;
        var fresh = new List<OutboxDocument>(entries.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = entry.DedupKey;
            if (!keys.Add(key) || collection.Exists(o => o.DedupKey == key))
            {
                continue;
            }

            fresh.Add(ToDocument(entry));
        }

        if (fresh.Count > 0)
        {
            collection.Insert(fresh);
        }

        return fresh.Count;
    }

    private void Finish(IReadOnlyCollection<long> ids, OutboxState state, string reason) =>
        Change(ids, d =>
        {
            d.State = state.ToString();
            d.NextAttemptAt = null;
            d.LastError = reason;
        });

    private void Change(IReadOnlyCollection<long> ids, Action<OutboxDocument> change)
    {
        if (ids.Count == 0)
        {
            return;
        }

        Write(() =>
        {
            foreach (var id in ids)
            {
                var document = database.Outbox.FindById(id);
                if (document is not null)
                {
                    change(document);
                    database.Outbox.Update(document);
                }
            }

            return ids.Count;
        });
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, one writer at a time.</summary>
    private T Write<T>(Func<T> work)
    {
        lock (_writeLock)
        {
            return database.Database.InTransaction(work);
        }
    }

    private static OutboxDocument ToDocument(OutboxEntry entry) => new()
    {
        DedupKey = entry.DedupKey,
        ChatKey = entry.ChatKey,
        Platform = ChatAddress.Parse(entry.ChatKey).Platform,
        Kind = entry.Kind.ToString(),
        Stories = StoryPairs.Pack(entry.StoryIds, entry.ArticleIds),
        Reference = entry.Reference,
        Text = entry.Text,
        Silent = entry.Silent ? true : null,
        Mentions = entry.Mentions.Count == 0 ? null : entry.Mentions.ToArray(),
        State = nameof(OutboxState.Pending),
        Attempts = entry.Attempts,
        NextAttemptAt = Dates.ToStored(entry.NextAttemptAt ?? entry.CreatedAt),
        CreatedAt = Dates.ToStored(entry.CreatedAt),
    };

    internal static OutboxEntry ToEntry(OutboxDocument d)
    {
        var (storyIds, articleIds) = StoryPairs.Unpack(d.Stories);
        return new OutboxEntry(
            d.Id,
            d.ChatKey,
            Enum.TryParse<OutboxKind>(d.Kind, out var kind) ? kind : OutboxKind.Story,
            d.DedupKey,
            storyIds,
            articleIds,
            d.Reference,
            Enum.TryParse<OutboxState>(d.State, out var state) ? state : OutboxState.Pending,
            d.Attempts,
            Dates.FromStored(d.NextAttemptAt),
            d.LastError,
            Dates.FromStored(d.CreatedAt),
            Dates.FromStored(d.SentAt))
        {
            Text = d.Text,
            Silent = d.Silent == true,
            Mentions = d.Mentions ?? [],
        };
    }
}
