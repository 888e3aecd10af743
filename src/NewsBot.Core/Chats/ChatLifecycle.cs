namespace NewsBot.Core.Chats;

/// <summary>
/// The one writer of chat state: a chat is seen (created or reactivated), deactivated (the bot
/// was blocked, removed, or the channel deleted), moved to a new address, or has a setting
/// changed, and nothing else writes chats. Each change goes to the store first, then to the copy
/// of every chat held in memory: planning a fan-out looks up every chat a story goes to, and a
/// database read each would cost seconds for 100,000 chats. <see cref="RebuildAsync"/> fills
/// that copy from the store at start.
/// </summary>
public sealed class ChatLifecycle(IChatStore store, SubscriptionService subscriptions, TimeProvider time, ILogger<ChatLifecycle> logger) : IDisposable
{
    private readonly SemaphoreSlim _writes = new(1, 1);
    private ConcurrentDictionary<string, ChatRecord> _chats = new(StringComparer.Ordinal);

    /// <summary>The chat as deliveries and commands see it; a forum topic with its group's settings (<see cref="ForumTopics"/>).</summary>
    public ChatRecord? Find(ChatAddress chat)
    {
        var record = _chats.GetValueOrDefault(chat.Key);
        return record is { Kind: ChatKind.ForumTopic } && ForumTopics.TryGetGroup(chat, out var group)
            ? ForumTopics.Inherit(record, _chats.GetValueOrDefault(group.Key))
            : record;
    }

    /// <summary>The keys of every active chat, of one platform when <paramref name="platform"/> is given.</summary>
    public IReadOnlyList<string> ActiveChatKeys(string? platform = null) =>
        _chats.Values
            .Where(c => c.Active && (platform is null || c.Platform == platform))
            .Select(c => c.Key)
            .ToList();

    public int CountActive() => _chats.Values.Count(c => c.Active);

    /// <summary>Replaces the copy in memory with what the store holds.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = new ConcurrentDictionary<string, ChatRecord>(StringComparer.Ordinal);
            await foreach (var chat in store.AllAsync(cancellationToken).ConfigureAwait(false))
            {
                all[chat.Key] = chat;
            }

            _chats = all;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>The bot is in the chat: creates it, or refreshes its kind, title and last-seen time, and makes it active again.</summary>
    public Task<ChatRecord> ReactivateAsync(ChatAddress chat, ChatKind kind, string? title, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            var now = time.GetUtcNow();
            var known = await store.FindAsync(chat, cancellationToken).ConfigureAwait(false);
            var record = known is null
                ? new ChatRecord(chat.Key, chat.Platform, kind, title, null, true, null, now, now)
                : known with { Kind = kind, Title = title ?? known.Title, Active = true, InactiveReason = null, LastSeen = now };
            return await SaveAsync(record, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Nothing is delivered to the chat any more (the bot was blocked, removed, or the channel
    /// deleted) until <see cref="ReactivateAsync"/>; the reason is kept for people to read, in their language (<see cref="StoredText"/>).
    /// False when the chat is unknown.
    /// </summary>
    public async Task<bool> DeactivateAsync(ChatAddress chat, string reason, CancellationToken cancellationToken)
    {
        var changed = await ChangeAsync(chat, c => c with { Active = false, InactiveReason = StoredText.FromEnglish(reason) }, cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            logger.LogDeactivated(chat, reason);
        }

        return changed;
    }

    /// <summary>
    /// Deliveries to the chat wait (<see cref="ChatPause"/>); true only when it was not paused
    /// before, so the chat's managers are told once. False when the chat is unknown or inactive.
    /// </summary>
    public async Task<bool> PauseAsync(ChatAddress chat, string reason, CancellationToken cancellationToken)
    {
        var paused = false;
        await ChangeAsync(
            chat,
            c =>
            {
                if (!c.Active || c.Pause is not null)
                {
                    return c;
                }

                paused = true;
                return c with { Pause = new ChatPause(StoredText.FromEnglish(reason), time.GetUtcNow()) };
            },
            cancellationToken).ConfigureAwait(false);
        if (paused)
        {
            logger.LogPaused(chat, reason);
        }

        return paused;
    }

    /// <summary>Deliveries to the chat go on; true when it was paused.</summary>
    public async Task<bool> ResumeAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        if (Find(chat)?.Pause is null)
        {
            return false;
        }

        var resumed = false;
        await ChangeAsync(
            chat,
            c =>
            {
                resumed = c.Pause is not null;
                return c with { Pause = null };
            },
            cancellationToken).ConfigureAwait(false);
        if (resumed)
        {
            logger.LogResumed(chat);
        }

        return resumed;
    }

    /// <summary>
    /// The chat now lives at another address (a Telegram group upgraded to a supergroup): its
    /// settings and subscriptions move there (<see cref="ChatMigration"/>), and the old address is
    /// left inactive. Safe to repeat, and safe when the new address was already seen.
    /// </summary>
    public Task MigrateAsync(ChatAddress from, ChatAddress to, CancellationToken cancellationToken)
    {
        if (from == to)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(async () =>
        {
            var changed = new List<ChatRecord>();
            if (await store.FindAsync(from, cancellationToken).ConfigureAwait(false) is { } old)
            {
                var target = await store.FindAsync(to, cancellationToken).ConfigureAwait(false);
                var (retired, merged) = ChatMigration.Merge(old, target, to, time.GetUtcNow());
                changed.Add(retired);
                changed.Add(merged);
            }

            subscriptions.Moved(await store.MoveAsync(from, to, changed, cancellationToken).ConfigureAwait(false));
            foreach (var record in changed)
            {
                _chats[record.Key] = record;
            }

            logger.LogMigrated(from, to);
            return true;
        }, cancellationToken);
    }

    /// <summary>Sets the chat's time zone; false when the chat is unknown.</summary>
    public Task<bool> SetTimeZoneAsync(ChatAddress chat, string timeZoneId, CancellationToken cancellationToken) =>
        ChangeAsync(chat, c => c with { TimeZone = timeZoneId }, cancellationToken);

    /// <summary>Sets or clears (null) the chat's quiet hours; false when the chat is unknown.</summary>
    public Task<bool> SetQuietHoursAsync(ChatAddress chat, QuietHours? hours, CancellationToken cancellationToken) =>
        ChangeAsync(chat, c => c with { Quiet = hours }, cancellationToken);

    /// <summary>Sets the language of the chat's pushes and digests; false when the chat is unknown.</summary>
    public Task<bool> SetLanguageAsync(ChatAddress chat, string languageCode, CancellationToken cancellationToken) =>
        ChangeAsync(chat, c => c with { Language = languageCode }, cancellationToken);

    /// <summary>The words of the chat's language, English for a chat without one.</summary>
    public Texts TextsOf(ChatAddress chat) => LanguageCatalog.Default.For(Find(chat)?.Language);

    /// <summary>Mutes or unmutes announcements for the chat; false when the chat is unknown.</summary>
    public Task<bool> SetAnnouncementsMutedAsync(ChatAddress chat, bool muted, CancellationToken cancellationToken) =>
        ChangeAsync(chat, c => c with { AnnouncementsMuted = muted }, cancellationToken);

    /// <summary>Reads these chats from the store again, after another instance changed them.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<string> chatKeys, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var key in chatKeys.Distinct(StringComparer.Ordinal))
            {
                if (await store.FindAsync(ChatAddress.Parse(key), cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    _chats[key] = stored;
                }
                else
                {
                    _chats.TryRemove(key, out _);
                }
            }
        }
        finally
        {
            _writes.Release();
        }
    }

    public void Dispose() => _writes.Dispose();

    private Task<bool> ChangeAsync(ChatAddress chat, Func<ChatRecord, ChatRecord> change, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            if (await store.FindAsync(chat, cancellationToken).ConfigureAwait(false) is not { } known)
            {
                return false;
            }

            await SaveAsync(change(known), cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task<ChatRecord> SaveAsync(ChatRecord record, CancellationToken cancellationToken)
    {
        await store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        _chats[record.Key] = record;
        return record;
    }

    // One change at a time, so two changes to one chat cannot each undo the other.
    private async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            _writes.Release();
        }
    }
}
