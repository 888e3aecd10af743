using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Whether someone administers a group, from getChatMember, remembered for a minute so a burst
/// of admin commands costs one request. Asked only for commands that change the chat.
/// </summary>
internal sealed class TelegramChatAdmins(ITelegramBotClient bot, TimeProvider time, TelegramSecrets secrets, ILogger<TelegramChatAdmins> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(long Chat, long User), (bool IsAdmin, DateTimeOffset Until)> _cache = new();

    public async Task<bool> IsAdminAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((chatId, userId), out var known) && known.Until > now)
        {
            return known.IsAdmin;
        }

        bool isAdmin;
        try
        {
            var member = await bot.GetChatMember(chatId, userId, cancellationToken).ConfigureAwait(false);
            isAdmin = member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unknown means no: the person gets a polite refusal and can try again.
            logger.LogNotChecked(secrets.Redact(ex), userId, chatId);
            return false;
        }

        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[(chatId, userId)] = (isAdmin, now + CacheFor);
        return isAdmin;
    }
}
