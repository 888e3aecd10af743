using NewsBot.Core.Chats;
using NewsBot.Core.Delivery;

namespace NewsBot.Storage;

internal sealed class LiteDbOutboxStore(NewsBotDatabase database) : IOutboxStore
{
    private readonly Lock _writeLock = new();

    public int Enqueue(IReadOnlyList<OutboxEntry> entries)
    {
        lock (_writeLock)
        {
            var collection = database.Outbox;
            var added = 0;
            database.Database.BeginTrans();
            try
            {
                foreach (var entry in entries)
                {
                    var key = entry.DedupKey;
                    if (collection.Exists(o => o.DedupKey == key))
                    {
                        continue;
                    }

                    collection.Insert(new OutboxDocument
                    {
                        DedupKey = key,
                        ChatKey = entry.ChatKey,
                        Platform = ChatAddress.Parse(entry.ChatKey).Platform,
                        StoryId = entry.StoryId,
                        ArticleId = entry.ArticleId,
                        State = OutboxState.Pending.ToString(),
                        NextAttemptAt = Dates.ToStored(entry.NextAttemptAt),
                        CreatedAt = Dates.ToStored(entry.CreatedAt),
                    });
                    added++;
                }

                database.Database.Commit();
            }
            catch
            {
                database.Database.Rollback();
                throw;
            }

            return added;
        }
    }

    public IReadOnlyList<OutboxEntry> Due(string platform, DateTimeOffset now, int limit)
    {
        var until = Dates.ToStored(now);
        return database.Outbox.Query()
            .Where(o => o.NextAttemptAt != null && o.NextAttemptAt <= until && o.Platform == platform)
            .OrderBy(o => o.NextAttemptAt)
            .Limit(limit)
            .ToList()
            .Select(ToEntry)
            .ToList();
    }

    public void MarkSent(IReadOnlyCollection<long> ids, DateTimeOffset at) =>
        Change(ids, d =>
        {
            d.State = OutboxState.Sent.ToString();
            d.SentAt = Dates.ToStored(at);
            d.NextAttemptAt = null;
            d.LastError = null;
        });

    public void Reschedule(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt) =>
        Change(ids, d =>
        {
            d.NextAttemptAt = Dates.ToStored(at);
            d.LastError = error;
            if (countAttempt)
            {
                d.Attempts++;
            }
        });

    public void Drop(IReadOnlyCollection<long> ids, string reason) =>
        Change(ids, d =>
        {
            d.State = OutboxState.Dropped.ToString();
            d.NextAttemptAt = null;
            d.LastError = reason;
        });

    public int DropPending(string chatKey, string reason)
    {
        var pending = OutboxState.Pending.ToString();
        var ids = database.Outbox.Find(o => o.ChatKey == chatKey && o.State == pending).Select(o => o.Id).ToList();
        Drop(ids, reason);
        return ids.Count;
    }

    public OutboxEntry? Find(string chatKey, int storyId)
    {
        var key = OutboxEntry.KeyFor(chatKey, storyId);
        var document = database.Outbox.FindOne(o => o.DedupKey == key);
        return document is null ? null : ToEntry(document);
    }

    public int CountPending() => database.Outbox.Count(o => o.NextAttemptAt != null);

    private void Change(IReadOnlyCollection<long> ids, Action<OutboxDocument> change)
    {
        if (ids.Count == 0)
        {
            return;
        }

        lock (_writeLock)
        {
            database.Database.BeginTrans();
            try
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

                database.Database.Commit();
            }
            catch
            {
                database.Database.Rollback();
                throw;
            }
        }
    }

    private static OutboxEntry ToEntry(OutboxDocument d) => new(
        d.Id,
        d.ChatKey,
        d.StoryId,
        d.ArticleId,
        Enum.TryParse<OutboxState>(d.State, out var state) ? state : OutboxState.Pending,
        d.Attempts,
        Dates.FromStored(d.NextAttemptAt),
        d.LastError,
        Dates.FromStored(d.CreatedAt),
        Dates.FromStored(d.SentAt));
}
