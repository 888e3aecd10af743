namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Delivery's way to Telegram: one attempt, no waiting, and an outcome the dispatcher can act
/// on. The library's own 429 retry is off, so every flood limit reaches the dispatcher's pacer.
/// A group that became a supergroup is followed once, and its subscriptions move with it.
/// </summary>
internal sealed partial class TelegramChatSender(TelegramReplySender sender, TimeProvider time, TelegramSecrets secrets, ILogger<TelegramChatSender> logger) : IChatSender
{
    public string Platform => PlatformNames.Telegram;

    public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
    {
        if (TelegramMapper.ToChatId(chat) is not { } chatId)
        {
            return new SendOutcome.PermanentFailure($"{chat.Key} is not a Telegram chat", ChatUnreachable: false);
        }

        try
        {
            await sender.SendAsync(new TelegramTarget(chatId), TelegramRenderer.Render(reply, time.GetUtcNow()), patient: false, cancellationToken).ConfigureAwait(false);
            return new SendOutcome.Sent();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var outcome = TelegramErrors.Classify(ex);
            if (outcome is SendOutcome.PermanentFailure permanent)
            {
                outcome = permanent with { Reason = secrets.Redact(permanent.Reason) };
            }

            LogNotDelivered(logger, chat, outcome);
            return outcome;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram delivery to {Chat} did not go through: {Outcome}")]
    private static partial void LogNotDelivered(ILogger logger, ChatAddress chat, SendOutcome outcome);
}
