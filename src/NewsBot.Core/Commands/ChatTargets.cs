namespace NewsBot.Core.Commands;

/// <summary>
/// Which chat a command acts on when it is not simply the one it was typed in, decided once
/// before the rights check so that handlers never need to know:
/// <list type="bullet">
/// <item>In a forum topic, the subscription commands act on the topic (<see cref="ForumTopics"/>);
/// settings and everything else stay the group's.</item>
/// <item>In a private chat, a first word that names a channel (<c>/subscribe @mychannel technology</c>)
/// makes the command act on that channel, after the platform confirmed that the person
/// administers it and, for a change to what is posted, that the bot can post there
/// (<see cref="IChannelAccess"/>). The answer still comes to the private chat.</item>
/// </list>
/// </summary>
public sealed class ChatTargets(IEnumerable<IChannelAccess> channels, ChatDirectory directory, ChatLifecycle chats, ILogger<ChatTargets> logger)
{
    private static readonly HashSet<string> TopicCommands = new(
        [CommandCatalog.Subscribe.Name, CommandCatalog.Unsubscribe.Name, CommandCatalog.Subscriptions.Name, CommandCatalog.Why.Name],
        StringComparer.Ordinal);

    private static readonly HashSet<string> ChannelCommands = new(
        [.. TopicCommands, CommandCatalog.TimeZone.Name, CommandCatalog.Quiet.Name, CommandCatalog.Language.Name],
        StringComparer.Ordinal);

    private readonly Dictionary<string, IChannelAccess> _channels = channels.ToDictionary(c => c.Platform, StringComparer.Ordinal);

    public async ValueTask<ChatTarget> ResolveAsync(IncomingMessage message, CommandInfo command, string arguments, Texts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(texts);
        if (message.ForumTopicId is { Length: > 0 } topicId && TopicCommands.Contains(command.Name) && !AnnouncementOptOut.IsMeant(arguments))
        {
            return new ChatTarget(await InTopicAsync(message, topicId, cancellationToken).ConfigureAwait(false), arguments);
        }

        if (message.IsPrivate
            && ChannelCommands.Contains(command.Name)
            && _channels.TryGetValue(message.Chat.Platform, out var access)
            && FirstWord(arguments) is { } first
            && access.Names(first.Word))
        {
            return await ForChannelAsync(access, message, command, first.Word, first.Remainder, texts, cancellationToken).ConfigureAwait(false);
        }

        return new ChatTarget(message, arguments);
    }

    /// <summary>A button's command aimed at the channel when it is one the channel takes; null when it no longer fits in a button.</summary>
    internal static ReplyButton? WithChannel(ReplyButton button, string channelId)
    {
        if (button.Command is not { } line || !line.StartsWith('/'))
        {
            return button;
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? line[1..] : line[1..space];
        return ChannelCommands.Contains(name) ? button.WithFirstArgument(channelId) : button;
    }

    private async Task<IncomingMessage> InTopicAsync(IncomingMessage message, string topicId, CancellationToken cancellationToken)
    {
        var topic = message with
        {
            Chat = ForumTopics.Of(message.Chat, topicId),
            ChatKind = ChatKind.ForumTopic,
            ChatTitle = message.ForumTopicTitle,
        };
        try
        {
            // The topic becomes a chat the moment it is used, and active again if it was lost and is back.
            await directory.SeenAsync(topic, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogNotRecorded(ex, topic.Chat.Key);
        }

        return topic;
    }

    private async Task<ChatTarget> ForChannelAsync(IChannelAccess access, IncomingMessage message, CommandInfo command, string word, string rest, Texts texts, CancellationToken cancellationToken)
    {
        // Listing, explaining and stopping change nothing that is posted: the person's rights suffice.
        var toPost = command == CommandCatalog.Subscribe
            || (command.Audience == CommandAudience.ChatAdmins && command != CommandCatalog.Unsubscribe && rest.Length > 0);
        var check = await access.CheckAsync(message.User, word, toPost, cancellationToken).ConfigureAwait(false);
        var shown = check.Title ?? Shorten(word);
        if (check is not { Verdict: ChannelVerdict.Allowed, Channel: { } channel })
        {
            var key = check.Verdict switch
            {
                ChannelVerdict.NotAChannel => "channel.notAChannel",
                ChannelVerdict.BotNotAdmin => "channel.botNotAdmin",
                ChannelVerdict.PersonNotAdmin => "channel.personNotAdmin",
                ChannelVerdict.BotCannotPost => "channel.botCannotPost",
                ChannelVerdict.Unavailable => "channel.unavailable",
                _ => "channel.unknown",
            };
            logger.LogRefused(message.User.Key, word, check.Verdict);
            return new ChatTarget(message, rest, Reply.Problem(texts.Get(key, ("channel", shown))));
        }

        if (toPost)
        {
            // Just seen able to post: the channel is (again) a chat the bot delivers to, under its current title.
            await chats.ReactivateAsync(channel, ChatKind.Channel, check.Title, cancellationToken).ConfigureAwait(false);
        }

        var inChannel = message with
        {
            Chat = channel,
            ChatKind = ChatKind.Channel,
            ChatTitle = check.Title,
            IsChatAdmin = true,
            AskIsChatAdmin = null,
            ChatLanguageTag = null,
            ForumTopicId = null,
            ForumTopicTitle = null,
        };
        return new ChatTarget(inChannel, rest, Channel: check);
    }

    private static (string Word, string Remainder)? FirstWord(string arguments)
    {
        var text = arguments.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var space = text.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (text, string.Empty) : (text[..space], text[(space + 1)..].Trim());
    }

    private static string Shorten(string word) => Quoted.Shorten(word, 40);
}
