namespace NewsBot.Platforms.Discord;

/// <summary>
/// Delivery's way to Discord: one attempt per message, no waiting on rate limits (they come
/// back as <see cref="SendOutcome.RetryAfter"/> for the dispatcher's pacer), and an outcome the
/// dispatcher can act on. Chat keys are <c>discord:&lt;channel or thread id&gt;</c>,
/// <c>discord:forum:&lt;channel id&gt;</c> (each message starts a post) or <c>discord:dm:&lt;user id&gt;</c>.
/// A thread that was archived is reopened where the bot may; where it may not (a locked thread
/// without Manage Threads), delivery to it pauses (<see cref="SendOutcome.ChatPaused"/>).
/// </summary>
internal sealed class DiscordChatSender(DiscordRestClient rest, DiscordAnnouncer announcer, TimeProvider time, ILogger<DiscordChatSender> logger) : IChatSender
{
    public const string ThreadClosedReason = "the thread is archived or locked, and the bot may not reopen it (it needs Manage Threads)";

    public string Platform => PlatformNames.Discord;

    public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
    {
        if (DiscordChats.Parse(chat) is not { } target)
        {
            return new SendOutcome.PermanentFailure($"{chat.Key} is not a Discord chat (discord:<channel id>, discord:forum:<channel id> or discord:dm:<user id>)", ChatUnreachable: false);
        }

        try
        {
            var messages = DiscordRenderer.Render(reply, time.GetUtcNow());
            if (target.IsForum)
            {
                await PostAsync(chat, target.ChannelId!, reply, messages, cancellationToken).ConfigureAwait(false);
                return new SendOutcome.Sent();
            }

            var channelId = target.ChannelId ?? await rest.GetDmChannelAsync(target.UserId!, patient: false, cancellationToken).ConfigureAwait(false);
            try
            {
                await WriteAsync(chat, channelId, messages, reply.PublishToFollowers && !target.IsDirect, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException closed) when (closed.Failure == DiscordFailure.ThreadClosed && !target.IsDirect)
            {
                if (!await ReopenAsync(channelId, cancellationToken).ConfigureAwait(false))
                {
                    logger.LogThreadClosed(chat, closed.DiscordMessage);
                    return new SendOutcome.ChatPaused(ThreadClosedReason);
                }

                // The nonces keep the parts that went out before from going out twice.
                await WriteAsync(chat, channelId, messages, reply.PublishToFollowers, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordApiException forum) when (forum.Failure == DiscordFailure.NotATextChannel && !target.IsDirect)
            {
                // A forum addressed as a channel (say, an announcement channel in configuration): it takes posts.
                await PostAsync(chat, channelId, reply, messages, cancellationToken).ConfigureAwait(false);
            }

            return new SendOutcome.Sent();
        }
        catch (DiscordApiException closed) when (closed.Failure == DiscordFailure.ThreadClosed && !target.IsDirect)
        {
            logger.LogThreadClosed(chat, closed.DiscordMessage);
            return new SendOutcome.ChatPaused(ThreadClosedReason);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var outcome = DiscordErrors.Classify(ex);
            if (DiscordErrors.IsExpected(ex))
            {
                logger.LogNotDelivered(chat, outcome);
            }
            else
            {
                logger.LogDeliveryCrashed(ex, chat, outcome);
            }

            return outcome;
        }
    }

    private async Task WriteAsync(ChatAddress chat, string channelId, IReadOnlyList<DiscordMessage> messages, bool publish, CancellationToken cancellationToken)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            // When a later part fails, the dispatcher sends the whole reply again; the nonce
            // keeps Discord from posting the parts that already went out a second time.
            var content = JsonSerializer.Serialize(messages[i], DiscordJson.Options);
            var message = messages[i] with { Nonce = DiscordNonce.For(chat.Key, i.ToString(CultureInfo.InvariantCulture), content), EnforceNonce = true };
            var messageId = await rest.CreateMessageAsync(channelId, message, patient: false, cancellationToken).ConfigureAwait(false);
            if (publish)
            {
                await announcer.PublishAsync(channelId, messageId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A new post in a forum or media channel: the first message opens it under the reply's title, the rest follow inside.</summary>
    private async Task PostAsync(ChatAddress chat, string forumId, Reply reply, IReadOnlyList<DiscordMessage> messages, CancellationToken cancellationToken)
    {
        var threadId = await rest.StartForumPostAsync(forumId, DiscordPostTitle.For(reply), messages[0], cancellationToken).ConfigureAwait(false);
        if (messages.Count > 1)
        {
            await WriteAsync(chat, threadId, messages.Skip(1).ToList(), publish: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the thread out of the archive; false when Discord refuses (a locked thread and no Manage Threads).</summary>
    private async Task<bool> ReopenAsync(string threadId, CancellationToken cancellationToken)
    {
        try
        {
            await rest.UnarchiveThreadAsync(threadId, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DiscordApiException refused) when (refused.Failure is DiscordFailure.ThreadClosed or DiscordFailure.MissingPermissions or DiscordFailure.MissingAccess)
        {
            return false;
        }
    }
}
