using NewsBot.Core.Telemetry;

namespace NewsBot.Core.Delivery;

/// <summary>
/// Sends what the outbox holds, one platform at a time, paced so that no limit is hit. An entry
/// is marked sent as soon as the platform accepted it, before anything else is sent to that
/// chat. A flood wait holds the chat (or everything) for as long as the platform asked; server
/// and network errors back off with jitter; a chat that blocked the bot or is gone is marked
/// inactive and its queue dropped. Several pending story messages for one chat go out as one
/// list. A few sends are in flight at once (to different chats), so the platform's latency does
/// not cap the rate; one chat's messages always go one after the other.
/// </summary>
public sealed class DeliveryDispatcher(
    IOutboxStore outbox,
    IArticleStore articles,
    ChatLifecycle chats,
    IEnumerable<IOutboxComposer> composers,
    IOptions<DeliveryOptions> options,
    NewsBotMetrics metrics,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger,
    IPauseNotices? pauses = null)
{
    /// <summary>After this many failed attempts an entry is given up, with its last error kept.</summary>
    public const int MaxAttempts = 8;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, (Pacer Pacer, long Fence)> _pacers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AcceptanceRecorder> _accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<OutboxKind, IOutboxComposer> _composers = composers.ToDictionary(c => c.Kind);
    private readonly DeliveryOptions _options = options.Value;
    private readonly PausedChats _paused = new();

    /// <summary>
    /// The platform's pacer for this tenure of its dispatching role: a new tenure (another
    /// fencing number) starts a new one with an empty budget, since the instance that sent
    /// before may have used the platform's whole allowance just before it stopped.
    /// </summary>
    private Pacer PacerFor(string platform, long fence) =>
        _pacers.AddOrUpdate(
            platform,
            p => (new Pacer(_options.LimitsFor(p), time.GetUtcNow()), fence),
            (p, current) => current.Fence == fence ? current : (new Pacer(_options.LimitsFor(p), time.GetUtcNow()), fence)).Pacer;

    /// <summary>
    /// One round: a batch of due entries, paced and sent; <see cref="DispatchRound.Full"/> says
    /// whether more may be waiting. It can be stopped gently: once <paramref name="stopping"/> is cancelled no
    /// further send starts, the sends already on their way finish and are recorded, and what was
    /// not sent stays due in the outbox. <paramref name="abort"/> cuts the sends on their way
    /// too (they stay due as well; the platform may or may not have got them). With
    /// <paramref name="hold"/>, the round is the work of that tenure of the platform's
    /// dispatching role: no send starts once the tenure is over.
    /// </summary>
    public async Task<DispatchRound> DispatchRoundAsync(IChatSender sender, CancellationToken stopping, CancellationToken abort, RoleHold? hold = null)
    {
        var now = time.GetUtcNow();
        var batch = Math.Max(1, _options.BatchSize);
        var due = await outbox.DueAsync(sender.Platform, now, batch, stopping).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return new DispatchRound(0, 0, Full: false);
        }

        var pacer = PacerFor(sender.Platform, hold?.Fence ?? 0);
        pacer.Forget(now);
        var accepted = _accepted.GetOrAdd(sender.Platform, _ => new AcceptanceRecorder(outbox));
        var round = new Round(sender, pacer, accepted, hold, await LoadArticlesAsync(due, stopping).ConfigureAwait(false));
        foreach (var group in due.GroupBy(e => e.ChatKey, StringComparer.Ordinal))
        {
            await PlanAsync(round, group.Key, group.ToList(), now, stopping).ConfigureAwait(false);
        }

        using var slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentSends));
        var running = new List<Task>();
        var lanes = new Dictionary<string, Task>(StringComparer.Ordinal);
        foreach (var message in round.Messages.OrderBy(m => m.At))
        {
            if (round.StopAll || round.IsHeld(message.ChatKey))
            {
                continue;
            }

            if (!await WaitForTurnAsync(message, slots, stopping).ConfigureAwait(false))
            {
                break;
            }

            if (round.StopAll || round.IsHeld(message.ChatKey))
            {
                slots.Release();
                continue;
            }

            // A group's forum topics share its lane, as they share its limit.
            var lane = ForumTopics.PacingKeyOf(message.ChatKey);
            var previous = lanes.GetValueOrDefault(lane) ?? Task.CompletedTask;
            var task = SendInLaneAsync(round, message, previous, slots, stopping, abort);
            lanes[lane] = task;
            running.Add(task);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        await PostponeHeldAsync(round, stopping).ConfigureAwait(false);
        return new DispatchRound(round.Sent, due.Count, Full: due.Count >= batch && !stopping.IsCancellationRequested);
    }

    /// <summary>Waits for the message's paced time and a free slot; false when stopping came first (the slot is not held then).</summary>
    private async Task<bool> WaitForTurnAsync(Message message, SemaphoreSlim slots, CancellationToken stopping)
    {
        try
        {
            var wait = message.At - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stopping).ConfigureAwait(false);
            }

            await slots.WaitAsync(stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task PlanAsync(Round round, string chatKey, List<OutboxEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = chats.Find(ChatAddress.Parse(chatKey));
        if (record is { Active: false })
        {
            await outbox.DropPendingAsync(chatKey, StoredText.Of("reason.chatInactive", ("reason", record.InactiveReason ?? StoredText.Of("why.noReasonKnown"))), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (record?.Pause is { } pause && _paused.IsWaiting(chatKey, now, out var until))
        {
            // Kept, not sent: the chat takes no messages yet, and is tried again at that time.
            await outbox.RescheduleAsync(entries.Select(e => e.Id).ToList(), until, StoredText.Of("sendError.waiting", ("reason", StoredText.FromEnglish(pause.Reason))), countAttempt: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A forum topic is paced as its group even before the group's own record is known.
        var pacingKey = ForumTopics.PacingKeyOf(chatKey);
        var isGroup = (record?.IsGroup ?? false) || !string.Equals(pacingKey, chatKey, StringComparison.Ordinal);
        var stories = entries.Where(e => e.Kind == OutboxKind.Story).ToList();
        var others = entries.Where(e => e.Kind != OutboxKind.Story).ToList();
        if (stories.Count > 1 && stories.Sum(e => e.StoryIds.Count) >= PushMessages.GroupFrom)
        {
            round.Messages.Add(new Message(round.Pacer.Reserve(pacingKey, isGroup, now), chatKey, stories));
        }
        else
        {
            others.InsertRange(0, stories);
        }

        foreach (var entry in others.OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id))
        {
            round.Messages.Add(new Message(round.Pacer.Reserve(pacingKey, isGroup, now), chatKey, [entry]));
        }
    }

    /// <summary>Every article the round's story entries show, read once for the whole round.</summary>
    private async Task<Dictionary<int, Article>> LoadArticlesAsync(IReadOnlyList<OutboxEntry> due, CancellationToken cancellationToken)
    {
        var ids = due.Where(e => e.Kind == OutboxKind.Story).SelectMany(e => e.ArticleIds).Distinct().ToList();
        return ids.Count == 0 ? [] : (await articles.GetManyAsync(ids, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id);
    }

    private async Task SendInLaneAsync(Round round, Message message, Task previous, SemaphoreSlim slots, CancellationToken stopping, CancellationToken abort)
    {
        try
        {
            await previous.ConfigureAwait(false);
            if (round.StopAll || round.IsHeld(message.ChatKey) || stopping.IsCancellationRequested)
            {
                return;
            }

            while (round.Pacer.TryStart(time.GetUtcNow()) is { } next)
            {
                // A stop during the wait means this send never starts; it stays queued.
                await Task.Delay(Max(next - time.GetUtcNow(), TimeSpan.Zero), time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (stopping.IsCancellationRequested)
                {
                    return;
                }
            }

            // The role is checked at the last moment: an instance that was paused past its lease
            // wakes here and must not send what the next owner sends now.
            if (!round.StopAll && !round.IsHeld(message.ChatKey) && !stopping.IsCancellationRequested && (round.Hold?.IsValid ?? true))
            {
                await SendAsync(round, message, abort).ConfigureAwait(false);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task SendAsync(Round round, Message message, CancellationToken cancellationToken)
    {
        message.Settled = true;
        var (reply, ids) = await ComposeAsync(round, message, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return;
        }

        var chatKey = message.ChatKey;
        var sender = round.Sender;

        // Every line logged during the send, the platform adapter's included, names the chat and the entries.
        using var scope = logger.BeginScope("Sending to {Chat} (outbox {Outbox})", chatKey, string.Join(',', ids));
        SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(ChatAddress.Parse(chatKey), reply, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogSendCrashed(ex, chatKey);
            outcome = new SendOutcome.TransientFailure(StoredText.Of("sendError.unexpected", ("detail", ex.GetType().Name)));
        }

        var now = time.GetUtcNow();
        metrics.Sent(sender.Platform, OutcomeTag(outcome, message));
        if (outcome is SendOutcome.RetryAfter asked)
        {
            metrics.RateLimited(sender.Platform, asked.Global, asked.Delay);
        }

        switch (outcome)
        {
            case SendOutcome.Sent:
                // Recorded before this lane goes on (together with acceptances that arrive at the
                // same moment): a crash from here on cannot send this message again.
                await round.Accepted.RecordAsync(ids, now).ConfigureAwait(false);
                Interlocked.Increment(ref round.Sent);
                if (_paused.Forget(chatKey) | chats.Find(ChatAddress.Parse(chatKey))?.Pause is not null)
                {
                    await chats.ResumeAsync(ChatAddress.Parse(chatKey), CancellationToken.None).ConfigureAwait(false);
                }

                break;
            case SendOutcome.ChatPaused paused:
                await PauseAsync(round, chatKey, ids, paused.Reason, now, cancellationToken).ConfigureAwait(false);
                break;
            case SendOutcome.RetryAfter retry when retry.Global:
                round.Pacer.HoldAll(now + retry.Delay);
                await outbox.RescheduleAsync(ids, now + retry.Delay, StoredText.Of("sendError.floodBot"), countAttempt: false, cancellationToken).ConfigureAwait(false);
                round.StopAll = true;
                logger.LogGlobalWait(sender.Platform, retry.Delay);
                break;
            case SendOutcome.RetryAfter retry:
                // The wait is the group's when a topic of it was refused: its other topics wait too.
                var pacingKey = ForumTopics.PacingKeyOf(chatKey);
                round.Pacer.Hold(pacingKey, now + retry.Delay);
                await outbox.RescheduleAsync(ids, now + retry.Delay, StoredText.Of("sendError.floodChat"), countAttempt: false, cancellationToken).ConfigureAwait(false);
                round.Held[pacingKey] = true;
                break;
            case SendOutcome.PermanentFailure { ChatUnreachable: true } lost:
                var chat = ChatAddress.Parse(chatKey);
                await chats.DeactivateAsync(chat, lost.Reason, CancellationToken.None).ConfigureAwait(false);
                var dropped = await outbox.DropPendingAsync(chatKey, StoredText.FromEnglish(lost.Reason), cancellationToken).ConfigureAwait(false);
                round.Held[chatKey] = false;
                logger.LogUnreachable(chatKey, lost.Reason, dropped);
                await TellGroupOfLostTopicAsync(chat, now, cancellationToken).ConfigureAwait(false);
                break;
            case SendOutcome.PermanentFailure refused:
                await outbox.FailAsync(ids, StoredText.FromEnglish(refused.Reason), cancellationToken).ConfigureAwait(false);
                break;
            case SendOutcome.TransientFailure transient:
                var attempts = message.Entries.Max(e => e.Attempts) + 1;
                if (attempts >= MaxAttempts)
                {
                    await outbox.FailAsync(ids, StoredText.Of("sendError.gaveUp", ("count", attempts), ("reason", StoredText.FromEnglish(transient.Reason))), cancellationToken).ConfigureAwait(false);
                    break;
                }

                await outbox.RescheduleAsync(ids, now + Backoff(attempts), StoredText.FromEnglish(transient.Reason), countAttempt: true, cancellationToken).ConfigureAwait(false);
                round.Held[chatKey] = false;
                break;
        }
    }

    /// <summary>
    /// The chat takes no messages for now: it is paused (its managers are told once), its entries
    /// wait without counting attempts, and it is tried again after as long as it has been paused.
    /// </summary>
    private async Task PauseAsync(Round round, string chatKey, List<long> ids, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var chat = ChatAddress.Parse(chatKey);
        var first = await chats.PauseAsync(chat, reason, CancellationToken.None).ConfigureAwait(false);
        var until = _paused.PutOff(chatKey, chats.Find(chat)?.Pause?.Since ?? now, now);
        await outbox.RescheduleAsync(ids, until, StoredText.Of("sendError.waiting", ("reason", StoredText.FromEnglish(reason))), countAttempt: false, cancellationToken).ConfigureAwait(false);

        // The chat's other messages in this round are not tried; the next round puts them off as well.
        round.Held[chatKey] = false;
        logger.LogPaused(chatKey, reason, until - now);
        if (first && pauses is not null)
        {
            await pauses.TellAsync(chat, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>What to send for the message, and the entries it settles; null when there is nothing left to send.</summary>
    private async Task<(Reply? Reply, List<long> Ids)> ComposeAsync(Round round, Message message, CancellationToken cancellationToken)
    {
        if (message.Entries is [{ Kind: not OutboxKind.Story } entry])
        {
            if (!_composers.TryGetValue(entry.Kind, out var composer))
            {
                await outbox.DropAsync([entry.Id], StoredText.Of("sendError.noComposer", ("kind", entry.Kind.ToString())), cancellationToken).ConfigureAwait(false);
                return (null, []);
            }

            Reply? composed;
            try
            {
                composed = await composer.ComposeAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.LogComposeFailed(ex, entry.Kind, entry.Id);
                await outbox.RescheduleAsync([entry.Id], time.GetUtcNow() + Backoff(entry.Attempts + 1), StoredText.Of("sendError.composeFailed", ("detail", ex.GetType().Name)), countAttempt: true, cancellationToken).ConfigureAwait(false);
                return (null, []);
            }

            if (composed is null)
            {
                await outbox.DropAsync([entry.Id], StoredText.Of(entry.Kind switch { OutboxKind.Digest => "sendError.emptyDigest", OutboxKind.Announcement => "sendError.emptyAnnouncement", _ => "sendError.emptyMessage" }), cancellationToken).ConfigureAwait(false);
            }

            return (composed, [entry.Id]);
        }

        var shown = new List<Article>();
        var seen = new HashSet<int>();
        var ids = new List<long>();
        var empty = new List<long>();
        foreach (var story in message.Entries)
        {
            var before = shown.Count;
            foreach (var articleId in story.ArticleIds)
            {
                if (round.Articles.TryGetValue(articleId, out var article) && seen.Add(article.StoryLeadId))
                {
                    shown.Add(article);
                }
            }

            (shown.Count > before ? ids : empty).Add(story.Id);
        }

        if (empty.Count > 0)
        {
            await outbox.DropAsync(empty, StoredText.Of("sendError.articlesRemoved"), cancellationToken).ConfigureAwait(false);
        }

        // Pushes speak the chat's language; the articles stay as their feeds wrote them.
        var texts = chats.TextsOf(ChatAddress.Parse(message.ChatKey));
        var reply = shown.Count switch
        {
            0 => null,
            1 => PushMessages.ForArticle(shown[0], texts),
            _ => PushMessages.ForBurst(shown, texts),
        };

        // One message for several entries: it rings when any of them should, and mentions each role asked for.
        var sent = message.Entries.Where(e => ids.Contains(e.Id)).ToList();
        return (reply is null ? null : reply with
        {
            Silent = sent.Count > 0 && sent.All(e => e.Silent),
            MentionRoles = sent.SelectMany(e => e.Mentions).Distinct(StringComparer.Ordinal).ToList(),
        }, ids);
    }

    /// <summary>
    /// A forum topic that can no longer be written to stops its pushes (its subscriptions are kept),
    /// and its group hears of it once, through the outbox like every push, so its admins can act.
    /// </summary>
    private async Task TellGroupOfLostTopicAsync(ChatAddress chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ForumTopics.TryGetGroup(chat, out var group) || chats.Find(group) is not { Active: true })
        {
            return;
        }

        var notice = LostTopicNotice.For(chat, group, chats.Find(chat)?.Title, chats.TextsOf(group), now);
        await outbox.EnqueueAsync([notice], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A chat the platform asked to wait for keeps its other due entries until then, so the next rounds do not stall on it.</summary>
    private async Task PostponeHeldAsync(Round round, CancellationToken cancellationToken)
    {
        foreach (var (pacingKey, floodWait) in round.Held)
        {
            if (!floodWait)
            {
                continue;
            }

            var until = round.Pacer.NextFor(pacingKey, time.GetUtcNow());
            var waiting = round.Messages
                .Where(m => ForumTopics.PacingKeyOf(m.ChatKey) == pacingKey && !m.Settled)
                .SelectMany(m => m.Entries)
                .Select(e => e.Id)
                .ToList();
            await outbox.RescheduleAsync(waiting, until, StoredText.Of("sendError.floodChat"), countAttempt: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string OutcomeTag(SendOutcome outcome, Message message) => outcome switch
    {
        SendOutcome.Sent => NewsBotMetrics.SendOutcomes.Sent,
        SendOutcome.RetryAfter => NewsBotMetrics.SendOutcomes.RateLimited,
        SendOutcome.ChatPaused => NewsBotMetrics.SendOutcomes.Retry,
        SendOutcome.PermanentFailure { ChatUnreachable: true } => NewsBotMetrics.SendOutcomes.Unreachable,
        SendOutcome.TransientFailure when message.Entries.Max(e => e.Attempts) + 1 < MaxAttempts => NewsBotMetrics.SendOutcomes.Retry,
        _ => NewsBotMetrics.SendOutcomes.Failed,
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Backoff(int attempts)
    {
        var exponential = FirstRetry.TotalSeconds * Math.Pow(2, attempts - 1);
        var capped = Math.Min(exponential, LongestRetry.TotalSeconds);
        // Jitter spreads retries of many chats after an outage instead of firing them together.
        return TimeSpan.FromSeconds(capped * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }

    private sealed record Message(DateTimeOffset At, string ChatKey, IReadOnlyList<OutboxEntry> Entries)
    {
        public bool Settled { get; set; }
    }

    private sealed class Round(IChatSender sender, Pacer pacer, AcceptanceRecorder accepted, RoleHold? hold, Dictionary<int, Article> articles)
    {
        public int Sent;

        public IChatSender Sender { get; } = sender;

        public Pacer Pacer { get; } = pacer;

        /// <summary>The platform's own recorder: acceptances are recorded under the platform's dispatching role.</summary>
        public AcceptanceRecorder Accepted { get; } = accepted;

        /// <summary>The tenure of the dispatching role the round is sent under, when there is one.</summary>
        public RoleHold? Hold { get; } = hold;

        public Dictionary<int, Article> Articles { get; } = articles;

        public List<Message> Messages { get; } = [];

        /// <summary>
        /// Chats to skip for the rest of the round; true when the platform asked to wait (a flood
        /// wait), which is kept under the pacing key, so a group's forum topics wait with it.
        /// </summary>
        public ConcurrentDictionary<string, bool> Held { get; } = new(StringComparer.Ordinal);

        public bool IsHeld(string chatKey) => Held.ContainsKey(chatKey) || Held.ContainsKey(ForumTopics.PacingKeyOf(chatKey));

        public volatile bool StopAll;
    }
}

/// <summary>How a dispatch round went.</summary>
/// <param name="Sent">Messages the platform accepted.</param>
/// <param name="Due">Entries the round read from the outbox.</param>
/// <param name="Full">The round read a full batch, so more may be due already.</param>
public sealed record DispatchRound(int Sent, int Due, bool Full);
