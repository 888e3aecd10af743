namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Direct answers, in order per chat, without letting one chat's flood limit hold the update
/// loop. <see cref="SendAsync"/> returns when the answer is sent, or as soon as it has to wait
/// out a flood limit longer than <see cref="TelegramReplySender.InlineFloodWait"/>: the send
/// then goes on in the background, and the chat's later answers queue behind it, so they still
/// arrive in the order they were asked. The task it returns ends when the answer has reached
/// Telegram (or failed), so the update loop can keep the update until then.
/// </summary>
internal sealed class TelegramReplyQueue(TelegramReplySender sender, TelegramSecrets secrets, ILogger<TelegramReplyQueue> logger)
{
    private readonly ChatTails<long> _tails = new();

    public async Task<Task> SendAsync(TelegramTarget target, TelegramMessagePlan plan, CancellationToken cancellationToken)
    {
        var chat = target.Chat.Identifier ?? 0;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var send = _tails.Append(chat, before =>
        {
            if (before is { IsCompleted: false })
            {
                // An earlier answer is waiting: this one waits behind it, and the caller moves on.
                held.TrySetResult();
            }

            return SendAfterAsync(before, target, plan, () => held.TrySetResult(), cancellationToken);
        });

        if (await Task.WhenAny(send, held.Task).ConfigureAwait(false) == send)
        {
            await send.ConfigureAwait(false);
        }

        return send;
    }

    private async Task SendAfterAsync(Task? before, TelegramTarget target, TelegramMessagePlan plan, Action onLongWait, CancellationToken cancellationToken)
    {
        var background = false;
        if (before is not null)
        {
            background = !before.IsCompleted;
            await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        try
        {
            await sender.SendAsync(target, plan, patient: true, cancellationToken, () =>
            {
                background = true;
                onLongWait();
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (background && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // Nobody awaits a held answer any more: the failure ends here, in the log.
            logger.LogHeldAnswerLost(secrets.Redact(ex), target.Chat);
        }
    }
}
