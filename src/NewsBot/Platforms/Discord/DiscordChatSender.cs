namespace NewsBot.Platforms.Discord;

/// <summary>
/// Delivery's way to Discord: one attempt per message, no waiting on rate limits (they come
/// back as <see cref="SendOutcome.RetryAfter"/> for the dispatcher's pacer), and an outcome the
/// dispatcher can act on. Chat keys are <c>discord:&lt;channel id&gt;</c> or <c>discord:dm:&lt;user id&gt;</c>.
/// </summary>
internal sealed partial class DiscordChatSender(DiscordRestClient rest, DiscordAnnouncer announcer, TimeProvider time, ILogger<DiscordChatSender> logger) : IChatSender
{
    public string Platform => PlatformNames.Discord;

    public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
    {
        if (DiscordChats.Parse(chat) is not { } target)
        {
            return new SendOutcome.PermanentFailure($"{chat.Key} is not a Discord chat (discord:<channel id> or discord:dm:<user id>)", ChatUnreachable: false);
        }

        try
        {
            var channelId = target.ChannelId ?? await rest.GetDmChannelAsync(target.UserId!, patient: false, cancellationToken).ConfigureAwait(false);
            var messages = DiscordRenderer.Render(reply, time.GetUtcNow());
            for (var i = 0; i < messages.Count; i++)
            {
                // When a later part fails, the dispatcher sends the whole reply again; the nonce
                // keeps Discord from posting the parts that already went out a second time.
                var content = JsonSerializer.Serialize(messages[i], DiscordJson.Options);
                var message = messages[i] with { Nonce = DiscordNonce.For(chat.Key, i.ToString(CultureInfo.InvariantCulture), content), EnforceNonce = true };
                var messageId = await rest.CreateMessageAsync(channelId, message, patient: false, cancellationToken).ConfigureAwait(false);
                if (reply.PublishToFollowers && !target.IsDirect)
                {
                    await announcer.PublishAsync(channelId, messageId, cancellationToken).ConfigureAwait(false);
                }
            }

            return new SendOutcome.Sent();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var outcome = DiscordErrors.Classify(ex);
            if (DiscordErrors.IsExpected(ex))
            {
                LogNotDelivered(logger, chat, outcome);
            }
            else
            {
                LogDeliveryCrashed(logger, ex, chat, outcome);
            }

            return outcome;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord delivery to {Chat} did not go through: {Outcome}")]
    private static partial void LogNotDelivered(ILogger logger, ChatAddress chat, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord delivery to {Chat} failed unexpectedly: {Outcome}")]
    private static partial void LogDeliveryCrashed(ILogger logger, Exception exception, ChatAddress chat, SendOutcome outcome);
}
