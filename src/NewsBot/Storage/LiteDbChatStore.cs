namespace NewsBot.Storage;

/// <summary>The chats collection. It only persists; <see cref="ChatLifecycle"/> decides what is written.</summary>
internal sealed class LiteDbChatStore(NewsBotDatabase database) : IChatStore
{
    public ValueTask<ChatRecord?> FindAsync(ChatAddress chat, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(chat));

    public IAsyncEnumerable<ChatRecord> AllAsync(CancellationToken cancellationToken) =>
        LiteDbThreadBinding.ReadNow(All());

    public ValueTask SaveAsync(ChatRecord chat, CancellationToken cancellationToken)
    {
        Save(chat);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<Subscription>> MoveAsync(ChatAddress from, ChatAddress to, IReadOnlyCollection<ChatRecord> changed, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Subscription>>(Move(from, to, changed));

    private ChatRecord? Find(ChatAddress chat) =>
        database.Chats.FindById(chat.Key) is { } document ? ToRecord(document) : null;

    private IEnumerable<ChatRecord> All() => database.Chats.FindAll().Select(ToRecord);

    private void Save(ChatRecord chat) => database.Chats.Upsert(ToDocument(chat));

    private List<Subscription> Move(ChatAddress from, ChatAddress to, IReadOnlyCollection<ChatRecord> changed)
    {
        var moving = database.Database.InTransaction(() =>
        {
            foreach (var chat in changed)
            {
                database.Chats.Upsert(ToDocument(chat));
            }

            var moved = database.Subscriptions.Find(s => s.ChatKey == from.Key).OrderBy(s => s.Id).ToList();
            foreach (var subscription in moved)
            {
                subscription.ChatKey = to.Key;
                database.Subscriptions.Update(subscription);
            }

            return moved;
        });

        return moving.Select(LiteDbSubscriptionStore.ToSubscription).ToList();
    }

    private static ChatDocument ToDocument(ChatRecord chat) => new()
    {
        Id = chat.Key,
        Platform = chat.Platform,
        Kind = chat.Kind.ToString(),
        Title = chat.Title,
        TimeZone = chat.TimeZone,
        Active = chat.Active,
        InactiveReason = chat.InactiveReason,
        FirstSeen = Dates.ToStored(chat.FirstSeen),
        LastSeen = Dates.ToStored(chat.LastSeen),
        Quiet = chat.Quiet?.ToString(),
        AnnouncementsMuted = chat.AnnouncementsMuted,
        Language = chat.Language,
        PausedReason = chat.Pause?.Reason,
        PausedAt = Dates.ToStored(chat.Pause?.Since),
    };

    private static ChatRecord ToRecord(ChatDocument d) => StoredChats.ToRecord(
        d.Id, d.Platform, d.Kind, d.Title, d.TimeZone, d.Active, d.InactiveReason,
        Dates.FromStored(d.FirstSeen), Dates.FromStored(d.LastSeen), d.Quiet, d.AnnouncementsMuted, d.Language,
        d.PausedReason, Dates.FromStored(d.PausedAt));
}
