using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Articles;
using NewsBot.Core.Chats;

namespace NewsBot.Core.Delivery;

/// <summary>
/// Sends what the outbox holds, one platform at a time, paced so that no limit is hit. An entry
/// is marked sent only after the platform accepted it. A flood wait holds the chat (or
/// everything) for as long as the platform asked; server and network errors back off with
/// jitter; a chat that blocked the bot or is gone is marked inactive and its queue dropped. A
/// burst of stories for one chat goes out as one list.
/// </summary>
public sealed class DeliveryDispatcher(
    IOutboxStore outbox,
    IArticleStore articles,
    IChatStore chats,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger)
{
    /// <summary>After this many failed attempts an entry is given up, with its last error kept.</summary>
    public const int MaxAttempts = 8;

    private const int BatchSize = 500;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Pacer> _pacers = new(StringComparer.Ordinal);

    public Pacer PacerFor(string platform) => _pacers.GetOrAdd(platform, p => new Pacer(p switch
    {
        PlatformNames.Telegram => PacingLimits.Telegram,
        PlatformNames.Discord => PacingLimits.Discord,
        _ => new PacingLimits(100, 10, 600),
    }));

    /// <summary>Sends every due entry of the sender's platform; returns how many messages went out.</summary>
    public async Task<int> DispatchDueAsync(IChatSender sender, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = outbox.Due(sender.Platform, now, BatchSize);
        if (due.Count == 0)
        {
            return 0;
        }

        var pacer = PacerFor(sender.Platform);
        var messages = new List<(DateTimeOffset At, string ChatKey, List<OutboxEntry> Entries)>();
        foreach (var group in due.GroupBy(e => e.ChatKey, StringComparer.Ordinal))
        {
            var record = chats.Find(ChatAddress.Parse(group.Key));
            if (record is { Active: false })
            {
                outbox.DropPending(group.Key, "the chat is inactive: " + (record.InactiveReason ?? "unknown reason"));
                continue;
            }

            var isGroup = record?.Kind is ChatKind.Group or ChatKind.Channel or ChatKind.GuildChannel;
            var entries = group.ToList();
            if (entries.Count >= PushMessages.GroupFrom)
            {
                messages.Add((pacer.Reserve(group.Key, isGroup, now), group.Key, entries));
                continue;
            }

            foreach (var entry in entries)
            {
                messages.Add((pacer.Reserve(group.Key, isGroup, now), group.Key, [entry]));
            }
        }

        var sent = 0;
        var held = new HashSet<string>(StringComparer.Ordinal);
        var stopAll = false;
        foreach (var (at, chatKey, entries) in messages.OrderBy(m => m.At))
        {
            if (stopAll || held.Contains(chatKey))
            {
                continue; // rescheduled below with the rest of the chat's queue
            }

            var wait = at - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            switch (await SendAsync(sender, pacer, chatKey, entries, cancellationToken).ConfigureAwait(false))
            {
                case Result.Sent:
                    sent++;
                    break;
                case Result.HoldChat:
                    held.Add(chatKey);
                    break;
                case Result.HoldAll:
                    stopAll = true;
                    break;
            }
        }

        return sent;
    }

    private async Task<Result> SendAsync(IChatSender sender, Pacer pacer, string chatKey, List<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var found = new List<(OutboxEntry Entry, Article Article)>();
        foreach (var entry in entries)
        {
            var article = articles.Get(entry.ArticleId);
            if (article is null)
            {
                outbox.Drop([entry.Id], "the article was removed before it could be sent");
            }
            else
            {
                found.Add((entry, article));
            }
        }

        if (found.Count == 0)
        {
            return Result.Nothing;
        }

        var ids = found.Select(f => f.Entry.Id).ToList();
        var reply = found.Count == 1 ? PushMessages.ForArticle(found[0].Article) : PushMessages.ForBurst(found.Select(f => f.Article).ToList());
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
            logger.LogError(ex, "Sending to {Chat} failed unexpectedly", chatKey);
            outcome = new SendOutcome.TransientFailure("unexpected error: " + ex.GetType().Name);
        }

        var now = time.GetUtcNow();
        switch (outcome)
        {
            case SendOutcome.Sent:
                outbox.MarkSent(ids, now);
                return Result.Sent;
            case SendOutcome.RetryAfter retry when retry.Global:
                pacer.HoldAll(now + retry.Delay);
                outbox.Reschedule(ids, now + retry.Delay, "flood wait for the whole bot", countAttempt: false);
                logger.LogWarning("{Platform} asked the bot to wait {Delay} before sending anything", sender.Platform, retry.Delay);
                return Result.HoldAll;
            case SendOutcome.RetryAfter retry:
                pacer.Hold(chatKey, now + retry.Delay);
                outbox.Reschedule(ids, now + retry.Delay, "flood wait for this chat", countAttempt: false);
                return Result.HoldChat;
            case SendOutcome.PermanentFailure { ChatUnreachable: true } lost:
                chats.MarkInactive(ChatAddress.Parse(chatKey), lost.Reason, now);
                var dropped = outbox.DropPending(chatKey, lost.Reason);
                logger.LogInformation("Chat {Chat} is unreachable ({Reason}); {Dropped} pending pushes dropped", chatKey, lost.Reason, dropped);
                return Result.HoldChat;
            case SendOutcome.PermanentFailure refused:
                outbox.Drop(ids, refused.Reason);
                return Result.Nothing;
            case SendOutcome.TransientFailure transient:
                var attempts = found.Max(f => f.Entry.Attempts) + 1;
                if (attempts >= MaxAttempts)
                {
                    outbox.Drop(ids, $"gave up after {attempts} attempts: {transient.Reason}");
                    return Result.Nothing;
                }

                outbox.Reschedule(ids, now + Backoff(attempts), transient.Reason, countAttempt: true);
                return Result.HoldChat;
            default:
                return Result.Nothing;
        }
    }

    private static TimeSpan Backoff(int attempts)
    {
        var exponential = FirstRetry.TotalSeconds * Math.Pow(2, attempts - 1);
        var capped = Math.Min(exponential, LongestRetry.TotalSeconds);
        // Jitter spreads retries of many chats after an outage instead of firing them together.
        return TimeSpan.FromSeconds(capped * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }

    private enum Result
    {
        Nothing,
        Sent,
        HoldChat,
        HoldAll,
    }
}
