namespace NewsBot.Core.Announcements;

/// <summary>
/// Tells the admins in <c>NewsBot:Admins</c> through the outbox, like every other push: one
/// entry per admin on a platform the bot is connected to, addressed to their private chat
/// (<see cref="PrivateChats"/>), so the dispatcher paces and retries it, records it, and stops at
/// a chat that blocked the bot. Quiet hours do not hold it: they are for news, and a notice is
/// about the bot's own operation. Admins on other platforms are skipped; the notice is always
/// written to the log as well (in English), which in the terminal chat is where the operator sees it.
/// </summary>
public sealed class AdminNotifier(
    IOptions<NewsBotOptions> options,
    ChatLifecycle chats,
    IEnumerable<IChatSender> senders,
    IOutboxStore outbox,
    TimeProvider time,
    ILogger<AdminNotifier> logger) : IAdminNotifier
{
    private readonly Dictionary<string, string> _platforms = senders
        .Select(s => s.Platform)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToDictionary(p => p, StringComparer.OrdinalIgnoreCase);

    public async Task NotifyAsync(string eventKey, Func<Texts, string> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        logger.LogNotice(message(LanguageCatalog.Default.For(LanguageCatalog.EnglishCode)));
        var now = time.GetUtcNow();
        var entries = new List<OutboxEntry>();
        foreach (var admin in options.Value.Admins.Select(a => a.Trim()))
        {
            var colon = admin.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == admin.Length - 1 || !_platforms.TryGetValue(admin[..colon], out var platform))
            {
                continue;
            }

            var chat = PrivateChats.Of(new UserAddress(platform, admin[(colon + 1)..]));
            entries.Add(OutboxEntry.ForNotice(chat.Key, OutboxKeys.AdminNotice(chat.Key, eventKey), eventKey, message(chats.TextsOf(chat)), now));
        }

        if (entries.Count > 0)
        {
            await outbox.EnqueueAsync(entries, cancellationToken).ConfigureAwait(false);
        }
    }
}
