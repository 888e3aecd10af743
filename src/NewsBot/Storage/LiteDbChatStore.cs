using System.Collections.Concurrent;
using NewsBot.Core.Chats;
using NewsBot.Core.Delivery;
using NewsBot.Core.Subscriptions;

namespace NewsBot.Storage;

/// <summary>
/// The chats, in LiteDB and, once first asked, all of them in memory as well: planning a
/// fan-out looks up every chat a story goes to, and a database read each would cost seconds
/// for 100,000 chats. This store is the only writer of the collection, and each write goes to
/// the database first, then to memory.
/// </summary>
internal sealed class LiteDbChatStore(NewsBotDatabase database, IEnumerable<ISubscriptionObserver> observers) : IChatStore
{
    private readonly Lock _writeLock = new();
    private volatile ConcurrentDictionary<string, ChatRecord>? _cache;

    private ConcurrentDictionary<string, ChatRecord> Cache => _cache ?? Load();

    public ChatRecord? Find(ChatAddress chat) => Cache.GetValueOrDefault(chat.Key);

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
            return Remember(document);
        }
    }

    public void SetTimeZone(ChatAddress chat, string timeZoneId) =>
        Change(chat, d => d.TimeZone = timeZoneId);

    public void SetQuietHours(ChatAddress chat, QuietHours? hours) =>
        Change(chat, d => d.Quiet = hours?.ToString());

    public void SetAnnouncementsMuted(ChatAddress chat, bool muted) =>
        Change(chat, d => d.AnnouncementsMuted = muted);

    public IReadOnlyList<string> ActiveChatKeys(string? platform = null) =>
        Cache.Values
            .Where(c => c.Active && (platform is null || c.Platform == platform))
            .Select(c => c.Key)
            .ToList();

    public int CountActive() => Cache.Values.Count(c => c.Active);

    public bool MarkInactive(ChatAddress chat, string reason, DateTimeOffset at) =>
        Change(chat, d =>
        {
            d.Active = false;
            d.InactiveReason = reason;
        });

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
                if (old is not null)
                {
                    Remember(old);
                    Remember(target!);
                }

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

    private bool Change(ChatAddress chat, Action<ChatDocument> change)
    {
        lock (_writeLock)
        {
            var document = database.Chats.FindById(chat.Key);
            if (document is null)
            {
                return false;
            }

            change(document);
            database.Chats.Update(document);
            Remember(document);
            return true;
        }
    }

    private ChatRecord Remember(ChatDocument document)
    {
        var record = ToRecord(document);
        _cache?[record.Key] = record;
        return record;
    }

    private ConcurrentDictionary<string, ChatRecord> Load()
    {
        lock (_writeLock)
        {
            if (_cache is { } loaded)
            {
                return loaded;
            }

            var all = new ConcurrentDictionary<string, ChatRecord>(StringComparer.Ordinal);
            foreach (var document in database.Chats.FindAll())
            {
                all[document.Id] = ToRecord(document);
            }

            _cache = all;
            return all;
        }
    }

    private static ChatRecord ToRecord(ChatDocument d) => new(
        d.Id,
        Shared(d.Platform),
        Enum.TryParse<ChatKind>(d.Kind, out var kind) ? kind : ChatKind.Private,
        d.Title,
        d.TimeZone,
        d.Active,
        d.InactiveReason,
        Dates.FromStored(d.FirstSeen),
        Dates.FromStored(d.LastSeen),
        d.Quiet is { } quiet && QuietHours.TryParse(quiet, out var hours) ? hours : null,
        d.AnnouncementsMuted);

    // One instance per platform name rather than one per chat held in memory.
    private static string Shared(string platform) => platform switch
    {
        PlatformNames.Telegram => PlatformNames.Telegram,
        PlatformNames.Discord => PlatformNames.Discord,
        PlatformNames.Terminal => PlatformNames.Terminal,
        _ => platform,
    };
}
