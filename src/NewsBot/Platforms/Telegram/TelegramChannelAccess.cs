using System.Text.RegularExpressions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Whether a person may manage a channel from their private chat, asked of Telegram each time
/// (no cache: rights taken away count at once). getChat finds the channel by <c>@name</c> or id;
/// getChatMember then says whether the person is its creator or an administrator who may post,
/// and, when the command changes what is posted, whether the bot is an administrator who may post.
/// Telegram answers getChatMember in a channel only to its administrators, so a bot that is not
/// one learns nothing, and says so.
/// </summary>
internal sealed partial class TelegramChannelAccess(ITelegramBotClient bot, TelegramSecrets secrets, ILogger<TelegramChannelAccess> logger) : IChannelAccess
{
    public string Platform => PlatformNames.Telegram;

    public bool Names(string word) => PublicName().IsMatch(word) || ChannelId().IsMatch(word);

    public async Task<ChannelCheck> CheckAsync(UserAddress person, string channel, bool toPost, CancellationToken cancellationToken)
    {
        if (!long.TryParse(person.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
        {
            return new ChannelCheck(ChannelVerdict.PersonNotAdmin);
        }

        ChatFullInfo chat;
        try
        {
            var id = ChannelId().IsMatch(channel) ? new ChatId(long.Parse(channel, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)) : new ChatId(channel);
            chat = await bot.GetChat(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(ex, channel, ChannelVerdict.Unknown, title: null);
        }

        if (chat.Type != ChatType.Channel)
        {
            return new ChannelCheck(ChannelVerdict.NotAChannel, Title: chat.Title ?? channel);
        }

        var address = TelegramMapper.ChatAddress(chat.Id);
        var title = chat.Title ?? channel;
        try
        {
            var member = await bot.GetChatMember(chat.Id, personId, cancellationToken).ConfigureAwait(false);
            if (!MayPost(member))
            {
                return new ChannelCheck(ChannelVerdict.PersonNotAdmin, address, title);
            }

            if (toPost)
            {
                var self = await bot.GetChatMember(chat.Id, bot.BotId, cancellationToken).ConfigureAwait(false);
                if (self is not ChatMemberAdministrator botAdmin)
                {
                    return new ChannelCheck(ChannelVerdict.BotNotAdmin, address, title);
                }

                if (!botAdmin.CanPostMessages)
                {
                    return new ChannelCheck(ChannelVerdict.BotCannotPost, address, title);
                }
            }
        }
        catch (ApiRequestException ex) when (IsUnknownPerson(ex))
        {
            // Someone Telegram cannot find in the channel is not one of its admins.
            logger.LogCheckFailed(channel, secrets.Redact(ex.Message));
            return new ChannelCheck(ChannelVerdict.PersonNotAdmin, address, title);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(ex, channel, ChannelVerdict.BotNotAdmin, title) with { Channel = address };
        }

        return new ChannelCheck(ChannelVerdict.Allowed, address, title);
    }

    /// <summary>The creator, or an administrator with the right to post: who may decide what the channel receives.</summary>
    private static bool MayPost(ChatMember member) => member switch
    {
        ChatMemberOwner => true,
        ChatMemberAdministrator admin => admin.CanPostMessages,
        _ => false,
    };

    private static bool IsUnknownPerson(ApiRequestException ex) =>
        ex.Message.Contains("user not found", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("PARTICIPANT_ID_INVALID", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What a refused call means: Telegram's "not found" and "not a member" answers mean the bot
    /// cannot see the channel; an answer about rights, <paramref name="refused"/>; network or
    /// server trouble, try again.
    /// </summary>
    private ChannelCheck Failed(Exception ex, string channel, ChannelVerdict refused, string? title)
    {
        logger.LogCheckFailed(channel, secrets.Redact(ex.Message));
        if (TelegramErrors.IsTransient(ex) || TelegramErrors.IsFlood(ex, out _))
        {
            return new ChannelCheck(ChannelVerdict.Unavailable, Title: title);
        }

        var notFound = ex is ApiRequestException api
            && (api.Message.Contains("not found", StringComparison.OrdinalIgnoreCase) || api.Message.Contains("not a member", StringComparison.OrdinalIgnoreCase)
                || api.Message.Contains("kicked", StringComparison.OrdinalIgnoreCase));
        return new ChannelCheck(notFound ? ChannelVerdict.Unknown : refused, Title: title);
    }

    // Telegram's public names: a letter, then letters, digits or underscores, 5 to 32 in all.
    [GeneratedRegex(@"^@[A-Za-z][A-Za-z0-9_]{4,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex PublicName();

    // Channels and supergroups have ids of the form -100…; groups and people are not managed from here.
    [GeneratedRegex(@"^-100[0-9]{5,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelId();
}
