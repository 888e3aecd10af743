using NewsBot.Core.Subscriptions;
using NewsBot.Core.Chats;
using NewsBot.Core.Delivery;

namespace NewsBot.Storage;

internal sealed class LiteDbChatStore(NewsBotDatabase database, IEnumerable<ISubscriptionObserver> observers) : IChatStore
{
    private readonly Lock _writeLock = new();

    public ChatRecord? Find(ChatAddress chat)
    {
        var document = database.Chats.FindById(chat.Key);
        return document is null ? null : ToRecord(document);
    }

    public ChatRecord Touch(ChatAddress chat, ChatKind kind, string? title, DateTimeOffset now)
    {
        lock (_writeLock)
        {
            var document = database.Chats.FindById(chat.Key) ?? new ChatDocument
            {
                Id = chat.Key,
                Platform = chat.Platform,
                FirstSeen = Dates.ToStored(now),
            };
            document.Kind = kind.ToString();
            document.Title = title ?? document.Title;
            document.Active = true;
            document.InactiveReason = null;
            document.LastSeen = Dates.ToStored(now);
            database.Chats.Upsert(document);
            return ToRecord(document);
        }
    }

    public void SetTimeZone(ChatAddress chat, string timeZoneId)
    {
        lock (_writeLock)
        {
            var document = database.Chats.FindById(chat.Key);
            if (document is not null)
            {
                document.TimeZone = timeZoneId;
                database.Chats.Update(document);
            }
        }
    }

    public void SetQuietHours(ChatAddress chat, QuietHours? hours) =>
        Change(chat, d => d.Quiet = hours?.ToString());

    public void SetAnnouncementsMuted(ChatAddress chat, bool muted) =>
        Change(chat, d => d.AnnouncementsMuted = muted);

    public IReadOnlyList<string> ActiveChatKeys(string? platform = null) =>
        database.Chats.Find(c => c.Active)
            .Where(c => platform is null || c.Platform == platform)
            .Select(c => c.Id)
            .ToList();

    public int CountActive() => database.Chats.Count(c => c.Active);

    public bool MarkInactive(ChatAddress chat, string reason, DateTimeOffset at)
    {
        lock (_writeLock)
        {
            var document = database.Chats.FindById(chat.Key);
            if (document is null)
            {
                return false;
            }

            document.Active = false;
            document.InactiveReason = reason;
            database.Chats.Update(document);
            return true;
        }
    }

    public void Migrate(ChatAddress from, ChatAddress to, DateTimeOffset at)
    {
        if (from.Key == to.Key)
        {
            return;
        }

        lock (_writeLock)
        {
            // One transaction: a crash halfway must not leave subscriptions split over two chats.
            database.Database.BeginTrans();
            try
            {
                var old = database.Chats.FindById(from.Key);
                var target = database.Chats.FindById(to.Key);
                if (old is not null)
                {
                    target ??= new ChatDocument
                    {
                        Id = to.Key,
                        Platform = to.Platform,
                        Kind = old.Kind,
                        Title = old.Title,
                        FirstSeen = old.FirstSeen,
                        LastSeen = Dates.ToStored(at),
                    };
                    target.TimeZone ??= old.TimeZone;
                    target.Quiet ??= old.Quiet;
                    target.AnnouncementsMuted |= old.AnnouncementsMuted;
                    target.Active = true;
                    target.InactiveReason = null;
                    database.Chats.Upsert(target);

                    old.Active = false;
                    old.InactiveReason = $"moved to {to.Key}";
                    database.Chats.Update(old);
                }

                var moving = database.Subscriptions.Find(s => s.ChatKey == from.Key).ToList();
                foreach (var subscription in moving)
                {
                    subscription.ChatKey = to.Key;
                    database.Subscriptions.Update(subscription);
                }

                database.Database.Commit();
                var moved = moving.Select(LiteDbSubscriptionStore.ToSubscription).ToList();
                foreach (var observer in observers)
                {
                    observer.Moved(moved);
                }
            }
            catch
            {
                database.Database.Rollback();
                throw;
            }
        }
    }

    private static ChatRecord ToRecord(ChatDocument d) => new(
        d.Id,
        d.Platform,
        Enum.TryParse<ChatKind>(d.Kind, out var kind) ? kind : ChatKind.Private,
        d.Title,
        d.TimeZone,
        d.Active,
        d.InactiveReason,
        Dates.FromStored(d.FirstSeen),
        Dates.FromStored(d.LastSeen),
        d.Quiet is { } quiet && QuietHours.TryParse(quiet, out var hours) ? hours : null,
        d.AnnouncementsMuted);

    private void Change(ChatAddress chat, Action<ChatDocument> change)
    {
        lock (_writeLock)
        {
            var document = database.Chats.FindById(chat.Key);
            if (document is not null)
            {
                change(document);
                database.Chats.Update(document);
            }
        }
    }
}
