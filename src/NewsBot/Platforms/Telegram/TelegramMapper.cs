using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Platforms.Telegram;

/// <summary>Translates Telegram updates into the core's words. Pure.</summary>
internal static class TelegramMapper
{
    /// <summary>The id of a forum's General topic, which stands for the group itself.</summary>
    public const int GeneralTopicId = 1;

    public static ChatAddress ChatAddress(long chatId) => new(PlatformNames.Telegram, chatId.ToString(CultureInfo.InvariantCulture));

    public static UserAddress UserAddress(long userId) => new(PlatformNames.Telegram, userId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The Bot API chat id for a chat key: a number, or a public <c>@channel</c> name.</summary>
    public static ChatId? ToChatId(ChatAddress chat)
    {
        if (!string.Equals(chat.Platform, PlatformNames.Telegram, StringComparison.Ordinal))
        {
            return null;
        }

        if (long.TryParse(chat.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            return new ChatId(id);
        }

        return chat.Id.StartsWith('@') && chat.Id.Length > 1 ? new ChatId(chat.Id) : null;
    }

    /// <summary>
    /// Where a push to a chat key goes: its chat, and for a forum topic (<c>-100123:45</c>, see
    /// <see cref="ForumTopics"/>) the topic's message_thread_id; null when the key is not Telegram's.
    /// </summary>
    public static TelegramTarget? ToTarget(ChatAddress chat)
    {
        if (ForumTopics.TryGetGroup(chat, out var group))
        {
            return ToChatId(group) is { Identifier: not null } groupId
                && int.TryParse(ForumTopics.TopicIdOf(chat), NumberStyles.None, CultureInfo.InvariantCulture, out var thread)
                ? new TelegramTarget(groupId, ThreadId: thread)
                : null;
        }

        return ToChatId(chat) is { } chatId ? new TelegramTarget(chatId) : null;
    }

    /// <summary>
    /// The forum topic a message belongs to, or null: outside forums, and in the General topic,
    /// which is the group itself (Telegram refuses message_thread_id 1 for it).
    /// </summary>
    public static int? ForumTopicOf(Message message) =>
        message is { IsTopicMessage: true, MessageThreadId: { } thread } && message.Chat.IsForum && thread != GeneralTopicId ? thread : null;

    public static ChatKind Kind(ChatType type) => type switch
    {
        ChatType.Private => ChatKind.Private,
        ChatType.Channel => ChatKind.Channel,
        _ => ChatKind.Group,
    };

    public static bool IsGroup(Chat chat) => chat.Type is ChatType.Group or ChatType.Supergroup;

    public static string DisplayName(User? user)
    {
        if (user is null)
        {
            return string.Empty;
        }

        var name = $"{user.FirstName} {user.LastName}".Trim();
        if (name.Length > 0)
        {
            return name;
        }

        return user.Username is { Length: > 0 } handle ? "@" + handle : user.Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A typed message as the core sees it, or null when it is not for the core: no text, a
    /// channel post, or written by another bot. An anonymous group admin (posting as the group)
    /// counts as an admin of the group.
    /// </summary>
    public static IncomingMessage? FromMessage(Message message)
    {
        if (message.Text is not { Length: > 0 } text || message.Chat.Type == ChatType.Channel)
        {
            return null;
        }

        var postedAsChat = message.SenderChat is { } sender && sender.Id == message.Chat.Id;
        if (message.From is not { } from || (from.IsBot && !postedAsChat))
        {
            return null;
        }

        var user = postedAsChat ? UserAddress(message.Chat.Id) : UserAddress(from.Id);
        var name = postedAsChat ? message.Chat.Title ?? string.Empty : DisplayName(from);
        return new IncomingMessage(
            ChatAddress(message.Chat.Id),
            Kind(message.Chat.Type),
            message.Chat.Title,
            user,
            name,
            text,
            IsChatAdmin: message.Chat.Type == ChatType.Private || postedAsChat)
        {
            // An anonymous admin's own language is not told; the group's is then the one that counts.
            LanguageTag = postedAsChat ? null : from.LanguageCode,
            ForumTopicId = ForumTopicOf(message)?.ToString(CultureInfo.InvariantCulture),
            ForumTopicTitle = TopicName(message),
        };
    }

    /// <summary>
    /// The topic's name: a message in a topic answers the topic's creation message unless it
    /// answers another message, so the name is known only sometimes.
    /// </summary>
    private static string? TopicName(Message message) =>
        ForumTopicOf(message) is not null ? message.ReplyToMessage?.ForumTopicCreated?.Name : null;

    /// <summary>A button press as the core sees it: the button's command line from the person who pressed it.</summary>
    public static IncomingMessage? FromCallback(CallbackQuery query)
    {
        if (query.Data is not { Length: > 0 } data || query.Message is not { } message || message.Chat.Type == ChatType.Channel)
        {
            return null;
        }

        var (kind, command) = ButtonPayload.Decode(data);
        return new IncomingMessage(
            ChatAddress(message.Chat.Id),
            Kind(message.Chat.Type),
            message.Chat.Title,
            UserAddress(query.From.Id),
            DisplayName(query.From),
            command,
            IsChatAdmin: message.Chat.Type == ChatType.Private,
            IsButton: true)
        {
            PressedKind = kind,
            LanguageTag = query.From.LanguageCode,
            ForumTopicId = ForumTopicOf(message)?.ToString(CultureInfo.InvariantCulture),
        };
    }
}
