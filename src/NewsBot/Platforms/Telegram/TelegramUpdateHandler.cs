using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Handles updates, whichever way they arrived (long poll or webhook): messages and button
/// presses go through the core's <see cref="CommandRouter"/>, inline queries to the search, and
/// membership changes to the chat store. Updates of different chats are handled at the same
/// time, those of one chat in order (<see cref="ScheduleAsync"/>). Never throws except on
/// cancellation: one bad update must not stop the ones after it.
/// </summary>
internal sealed class TelegramUpdateHandler(
    ITelegramBotClient bot,
    CommandRouter router,
    TelegramBotIdentity identity,
    TelegramChatAdmins admins,
    TelegramReplySender sender,
    TelegramReplyQueue replies,
    TelegramInlineQueries inline,
    ChatLifecycle chats,
    LanguageChoice languages,
    TimeProvider time,
    TelegramSecrets secrets,
    ILogger<TelegramUpdateHandler> logger) : IDisposable
{
    /// <summary>Telegram's limit for a callback toast.</summary>
    public const int MaxToastLength = 200;

    /// <summary>Updates handled at the same time, at most; more wait for a free slot.</summary>
    public const int MaxConcurrentUpdates = 16;

    private const int ShortToastLength = 60;

    private readonly ChatOrderedScheduler _scheduler = new(MaxConcurrentUpdates);

    public void Dispose() => _scheduler.Dispose();

    /// <summary>
    /// Handles the update after the earlier updates of its chat. The outer task ends when the
    /// handling is done and its slot is free; the inner one when its answer has reached
    /// Telegram, which may be later if the chat is held by a flood limit.
    /// </summary>
    public async Task<Task> ScheduleAsync(Update update, CancellationToken cancellationToken)
    {
        Task delivered = Task.CompletedTask;
        await _scheduler.RunAsync(
            PartitionOf(update),
            async token => delivered = await HandleAsync(update, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return delivered;
    }

    /// <summary>Handles one update now; the task it returns ends when its answer has reached Telegram.</summary>
    public async Task<Task> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            if (update.Message is { } message)
            {
                return await HandleMessageAsync(message, cancellationToken).ConfigureAwait(false);
            }
            else if (update.CallbackQuery is { } query)
            {
                return await HandleCallbackAsync(query, cancellationToken).ConfigureAwait(false);
            }
            else if (update.InlineQuery is { } inlineQuery)
            {
                await inline.AnswerAsync(inlineQuery, cancellationToken).ConfigureAwait(false);
            }
            else if (update.MyChatMember is { } membership)
            {
                await HandleMembershipAsync(membership, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogUpdateFailed(secrets.Redact(ex), update.Id);
        }

        return Task.CompletedTask;
    }

    /// <summary>Whose turn an update waits for: its chat's, or for inline queries (which have no chat) its sender's.</summary>
    internal static string PartitionOf(Update update) => update switch
    {
        { Message: { } message } => "c" + message.Chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { CallbackQuery: { Message: { } message } } => "c" + message.Chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { CallbackQuery: { } query } => "u" + query.From.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { InlineQuery: { } query } => "u" + query.From.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { MyChatMember: { } membership } => "c" + membership.Chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    private async Task<Task> HandleMessageAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.MigrateToChatId is { } to)
        {
            await MigrateAsync(message.Chat.Id, to, cancellationToken).ConfigureAwait(false);
            return Task.CompletedTask;
        }

        if (message.MigrateFromChatId is { } from)
        {
            await MigrateAsync(from, message.Chat.Id, cancellationToken).ConfigureAwait(false);
            return Task.CompletedTask;
        }

        if (message.ForumTopicReopened is not null && TelegramMapper.ForumTopicOf(message) is { } reopened)
        {
            await ReopenTopicAsync(message.Chat, reopened, cancellationToken).ConfigureAwait(false);
            return Task.CompletedTask;
        }

        var incoming = TelegramMapper.FromMessage(message);
        if (incoming is null)
        {
            return Task.CompletedTask;
        }

        incoming = WithAdminQuestion(incoming, message.Chat, message.From!.Id);
        var reply = await router.HandleAsync(incoming, identity.UserName, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return Task.CompletedTask;
        }

        var group = TelegramMapper.IsGroup(message.Chat);
        var target = new TelegramTarget(
            message.Chat.Id,
            ReplyTo: group ? message.MessageId : null,
            ThreadId: message.IsTopicMessage ? message.MessageThreadId : null);
        if (group && reply is { IsPersonal: true, IsProblem: false })
        {
            // One person's list does not belong in the group: it goes to their private chat.
            var note = await SendPrivatelyAsync(message.From.Id, reply, cancellationToken).ConfigureAwait(false);
            reply = Reply.Text(note) with { Language = reply.Language };
        }

        return await replies.SendAsync(target, TelegramRenderer.Render(reply, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a personal answer to the person's private chat; returns the note for where they asked.</summary>
    private async Task<string> SendPrivatelyAsync(long userId, Reply reply, CancellationToken cancellationToken)
    {
        var texts = LanguageCatalog.Default.For(reply.Language);
        try
        {
            await sender.SendAsync(new TelegramTarget(userId), TelegramRenderer.Render(reply, time.GetUtcNow()), patient: false, cancellationToken).ConfigureAwait(false);
            return texts.Get("telegram.sentPrivately");
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
        {
            // Telegram lets a bot write to a person only after they have started it.
            logger.LogNotPrivate(userId, secrets.Redact(ex.Message));
            return texts.Get("telegram.cannotMessage", ("bot", identity.UserName));
        }
    }

    private async Task<Task> HandleCallbackAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var incoming = TelegramMapper.FromCallback(query);
        if (incoming is null || query.Message is not { } message)
        {
            await AnswerAsync(query, null, cancellationToken).ConfigureAwait(false);
            return Task.CompletedTask;
        }

        incoming = WithAdminQuestion(incoming, message.Chat, query.From.Id);
        var reply = await router.HandleAsync(incoming, identity.UserName, cancellationToken).ConfigureAwait(false);
        var pressed = incoming.PressedKind;

        // A toggle answers with the updated message and a few words for the presser.
        var toggled = pressed == ButtonKind.Toggle && reply is { IsProblem: false, Toast: not null };
        if (reply is { IsPersonal: true, IsProblem: false } && !toggled && TelegramMapper.IsGroup(message.Chat))
        {
            await AnswerAsync(query, await SendPrivatelyAsync(query.From.Id, reply, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return Task.CompletedTask;
        }

        // A refused press is told to the presser alone, not posted into a group.
        var toast = reply is { IsProblem: true }
            ? string.Join(" ", reply.Blocks.OfType<TextBlock>().Select(b => b.Text))
            : reply?.Toast;

        // Answer before the slower edits so the button stops spinning at once.
        await AnswerAsync(query, toast, cancellationToken).ConfigureAwait(false);
        if (reply is null || (reply.IsProblem && toast!.Length <= MaxToastLength))
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        if (toggled)
        {
            await sender.EditKeyboardAsync(message.Chat.Id, message.MessageId, TelegramRenderer.Keyboard(reply.Buttons), cancellationToken).ConfigureAwait(false);
            return Task.CompletedTask;
        }

        if (pressed == ButtonKind.PageTurn && message.Text is not null && !reply.IsProblem)
        {
            var plan = TelegramRenderer.Render(reply, now);
            if (plan.Texts.Count == 1
                && await sender.EditTextAsync(message.Chat.Id, message.MessageId, plan.Texts[0], plan.Keyboard, plan.DisableLinkPreview, cancellationToken).ConfigureAwait(false))
            {
                return Task.CompletedTask;
            }
        }

        var target = new TelegramTarget(message.Chat.Id, ThreadId: message.IsTopicMessage ? message.MessageThreadId : null);
        return await replies.SendAsync(target, TelegramRenderer.Render(reply, now), cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerAsync(CallbackQuery query, string? toast, CancellationToken cancellationToken)
    {
        try
        {
            // Longer notes show as a small dialog, which stays until dismissed.
            var text = Toast(toast);
            await bot.AnswerCallbackQuery(query.Id, text, showAlert: text is { Length: > ShortToastLength }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A query older than a few seconds can no longer be answered; the press still counts.
            logger.LogPressNotAnswered(query.Id, secrets.Redact(ex.Message));
        }
    }

    /// <summary>In groups, the router may ask whether the sender is an admin: Telegram is asked then, and only then.</summary>
    private IncomingMessage WithAdminQuestion(IncomingMessage incoming, Chat chat, long userId) =>
        incoming.IsChatAdmin || !TelegramMapper.IsGroup(chat)
            ? incoming
            : incoming with { AskIsChatAdmin = cancellationToken => new ValueTask<bool>(admins.IsAdminAsync(chat.Id, userId, cancellationToken)) };

    private async Task HandleMembershipAsync(ChatMemberUpdated update, CancellationToken cancellationToken)
    {
        var chat = TelegramMapper.ChatAddress(update.Chat.Id);
        var member = update.NewChatMember;
        if (update.Chat.Type == ChatType.Channel && member is ChatMemberAdministrator { CanPostMessages: false })
        {
            // In a channel only posting counts: pushes wait until an admin gives the right back.
            await chats.ReactivateAsync(chat, ChatKind.Channel, update.Chat.Title, cancellationToken).ConfigureAwait(false);
            await chats.DeactivateAsync(chat, "the bot may not post in the channel", cancellationToken).ConfigureAwait(false);
        }
        else if (member.IsInChat)
        {
            await chats.ReactivateAsync(chat, TelegramMapper.Kind(update.Chat.Type), update.Chat.Title, cancellationToken).ConfigureAwait(false);

            // Whoever added the bot to a group or channel is one of its admins: their language is the chat's until the admins choose one.
            await languages.AdoptAsync(chat, update.From?.LanguageCode, cancellationToken).ConfigureAwait(false);
            logger.LogInChat(chat, member.Status);
        }
        else
        {
            var privateChat = update.Chat.Type == ChatType.Private;
            var reason = member.Status switch
            {
                ChatMemberStatus.Kicked when privateChat => "blocked by the user",
                ChatMemberStatus.Kicked => $"removed from the chat by {TelegramMapper.DisplayName(update.From)}",
                _ when privateChat => "the user left",
                _ => "the bot left the chat",
            };
            await chats.DeactivateAsync(chat, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A topic whose pushes stopped when it was closed gets them again when it is reopened.</summary>
    private async Task ReopenTopicAsync(Chat group, int topicId, CancellationToken cancellationToken)
    {
        var topic = ForumTopics.Of(TelegramMapper.ChatAddress(group.Id), topicId.ToString(CultureInfo.InvariantCulture));
        if (chats.Find(topic) is { Active: false } known && known.InactiveReason is { } reason && StoredText.InEnglish(reason) == TelegramErrors.TopicClosed)
        {
            await chats.ReactivateAsync(topic, ChatKind.ForumTopic, null, cancellationToken).ConfigureAwait(false);
            logger.LogTopicReopened(topic);
        }
    }

    private async Task MigrateAsync(long from, long to, CancellationToken cancellationToken)
    {
        await chats.MigrateAsync(TelegramMapper.ChatAddress(from), TelegramMapper.ChatAddress(to), cancellationToken).ConfigureAwait(false);
        logger.LogMigrated(from, to);
    }

    private static string? Toast(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length <= MaxToastLength)
        {
            return text;
        }

        var cut = MaxToastLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
