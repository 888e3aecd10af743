namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Delivery's way to Telegram: one attempt, no waiting, and an outcome the dispatcher can act
/// on. The library's own 429 retry is off, so every flood limit reaches the dispatcher's pacer.
/// A group that became a supergroup is followed once, and its subscriptions move with it. A
/// forum topic's pushes go to its message_thread_id; a channel's carry only link buttons, since
/// a press in a channel comes from a reader the bot cannot answer there.
/// </summary>
internal sealed class TelegramChatSender(TelegramReplySender sender, ChatLifecycle chats, TimeProvider time, TelegramSecrets secrets, ILogger<TelegramChatSender> logger) : IChatSender
{
    public string Platform => PlatformNames.Telegram;

    public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
    {
        if (TelegramMapper.ToTarget(chat) is not { } target)
        {
            return new SendOutcome.PermanentFailure($"{chat.Key} is not a Telegram chat", ChatUnreachable: false);
        }

        if (chats.Find(chat) is { Kind: ChatKind.Channel })
        {
            reply = reply with { Buttons = reply.Buttons.Where(b => b.Kind == ButtonKind.Link).ToList() };
        }

        try
        {
            await sender.SendAsync(target, TelegramRenderer.Render(reply, time.GetUtcNow()), patient: false, cancellationToken).ConfigureAwait(false);
            return new SendOutcome.Sent();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var outcome = TelegramErrors.Classify(ex);
            if (outcome is SendOutcome.PermanentFailure permanent)
            {
                outcome = permanent with { Reason = secrets.Redact(permanent.Reason) };
            }

            logger.LogNotDelivered(chat, outcome);
            return outcome;
        }
    }
}
