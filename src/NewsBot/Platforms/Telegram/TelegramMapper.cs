using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Platforms.Telegram;

/// <summary>Translates Telegram updates into the core's words. Pure.</summary>
internal static class TelegramMapper
{
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
        };
    }

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
        };
    }
}
