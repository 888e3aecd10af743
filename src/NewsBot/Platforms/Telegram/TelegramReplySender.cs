using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace NewsBot.Platforms.Telegram;

/// <summary>Where a message goes: the chat, and in groups the message it answers and the forum topic.</summary>
internal sealed record TelegramTarget(ChatId Chat, int? ReplyTo = null, int? ThreadId = null);

/// <summary>
/// Sends rendered replies and edits. A photo the Bot API refuses becomes text; HTML it refuses
/// becomes plain text; a group upgraded to a supergroup is followed to its new id. When
/// <c>patient</c>, flood waits (429) and transient failures are waited out a few times, so a
/// direct answer is not lost; otherwise the first failure is thrown for the caller to classify.
/// A patient send tells <c>onLongWait</c> before it starts a flood wait longer than
/// <see cref="InlineFloodWait"/>, so its caller can stop waiting for it (see
/// <see cref="TelegramReplyQueue"/>); edits give up on such a wait instead.
/// </summary>
internal sealed class TelegramReplySender(
    ITelegramBotClient bot,
    ChatLifecycle chats,
    TimeProvider time,
    TelegramSecrets secrets,
    ILogger<TelegramReplySender> logger)
{
    /// <summary>The longest flood wait the update loop sits through; longer ones continue in the background.</summary>
    public static readonly TimeSpan InlineFloodWait = TimeSpan.FromSeconds(5);

    private const int MaxAttempts = 8;
    private static readonly TimeSpan MaxFloodWait = TimeSpan.FromMinutes(2);

    public async Task<Message?> SendAsync(TelegramTarget target, TelegramMessagePlan plan, bool patient, CancellationToken cancellationToken, Action? onLongWait = null)
    {
        var patience = patient ? new Patience(onLongWait, GiveUpOnLongWait: false) : null;
        var state = new CallState(target.Chat);
        if (plan.Photo is { } photo)
        {
            try
            {
                return await CallAsync(state, chat => bot.SendPhoto(
                    chat,
                    InputFile.FromUri(photo.Url),
                    caption: photo.Caption.Html,
                    parseMode: ParseMode.Html,
                    replyParameters: ReplyTo(target.ReplyTo),
                    replyMarkup: plan.Keyboard,
                    messageThreadId: target.ThreadId,
                    disableNotification: plan.Silent,
                    cancellationToken: cancellationToken), patience, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiRequestException ex) when (IsPhotoRefused(ex))
            {
                // The image URL is broken, too large or not an image: the text card still informs.
                logger.LogPhotoRefused(secrets.Redact(ex.Message));
            }
        }

        Message? last = null;
        for (var i = 0; i < plan.Texts.Count; i++)
        {
            var keyboard = i == plan.Texts.Count - 1 ? plan.Keyboard : null;
            last = await SendTextAsync(state, plan.Texts[i], keyboard, plan.DisableLinkPreview, i == 0 ? target.ReplyTo : null, target.ThreadId, patience, cancellationToken, plan.Silent)
                .ConfigureAwait(false);
        }

        return last;
    }

    /// <summary>Replaces a message's text and keyboard; false when the message cannot be edited (the caller sends anew).</summary>
    public Task<bool> EditTextAsync(ChatId chat, int messageId, TelegramText text, InlineKeyboardMarkup? keyboard, bool disablePreview, CancellationToken cancellationToken)
    {
        var state = new CallState(chat);
        return TryEditAsync(chat, messageId, "edit", async () =>
        {
            try
            {
                await CallAsync(state, c => bot.EditMessageText(c, messageId, text.Html, ParseMode.Html, keyboard, Preview(disablePreview), cancellationToken: cancellationToken), EditPatience, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ApiRequestException ex) when (TelegramErrors.IsParseError(ex))
            {
                logger.LogEditHtmlRefused(secrets.Redact(ex.Message));
                await CallAsync(state, c => bot.EditMessageText(c, messageId, text.Plain, replyMarkup: keyboard, linkPreviewOptions: Preview(disablePreview), cancellationToken: cancellationToken), EditPatience, cancellationToken)
                    .ConfigureAwait(false);
            }
        });
    }

    /// <summary>Replaces only a message's buttons (the article card's Save toggle).</summary>
    public Task<bool> EditKeyboardAsync(ChatId chat, int messageId, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        TryEditAsync(chat, messageId, "update the buttons of", () =>
            CallAsync(new CallState(chat), c => bot.EditMessageReplyMarkup(c, messageId, keyboard, cancellationToken: cancellationToken), EditPatience, cancellationToken));

    /// <summary>Runs an edit: true when it went through or changed nothing, false (logged) when Telegram refused it.</summary>
    private async Task<bool> TryEditAsync(ChatId chat, int messageId, string change, Func<Task> edit)
    {
        try
        {
            await edit().ConfigureAwait(false);
            return true;
        }
        catch (ApiRequestException ex) when (TelegramErrors.IsNotModified(ex))
        {
            return true;
        }
        catch (ApiRequestException ex)
        {
            logger.LogNotEdited(change, messageId, chat, secrets.Redact(ex.Message));
            return false;
        }
    }

    private async Task<Message> SendTextAsync(CallState state, TelegramText text, InlineKeyboardMarkup? keyboard, bool disablePreview, int? replyTo, int? threadId, Patience? patience, CancellationToken cancellationToken, bool silent = false)
    {
        try
        {
            return await SendAsync(text.Html, ParseMode.Html).ConfigureAwait(false);
        }
        catch (ApiRequestException ex) when (TelegramErrors.IsParseError(ex))
        {
            // Should never happen (the renderer escapes everything); if it does, the words still arrive.
            logger.LogHtmlRefused(secrets.Redact(ex.Message));
            return await SendAsync(text.Plain, ParseMode.None).ConfigureAwait(false);
        }

        Task<Message> SendAsync(string body, ParseMode parseMode) => CallAsync(state, chat => bot.SendMessage(
            chat,
            body,
            parseMode,
            replyParameters: ReplyTo(replyTo),
            replyMarkup: keyboard,
            linkPreviewOptions: Preview(disablePreview),
            messageThreadId: threadId,
            disableNotification: silent,
            cancellationToken: cancellationToken), patience, cancellationToken);
    }

    private async Task<T> CallAsync<T>(CallState state, Func<ChatId, Task<T>> call, Patience? patience, CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                return await call(state.Chat).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!state.Migrated && TelegramErrors.MigratedTo(ex) is { } newId)
                {
                    await MigrateAsync(state.Chat, newId, cancellationToken).ConfigureAwait(false);
                    state.Chat = new ChatId(newId);
                    state.Migrated = true;
                    continue;
                }

                attempt++;
                if (patience is null || attempt >= MaxAttempts)
                {
                    throw;
                }

                if (TelegramErrors.IsFlood(ex, out var wait) && wait <= MaxFloodWait)
                {
                    if (wait > InlineFloodWait)
                    {
                        if (patience.GiveUpOnLongWait)
                        {
                            throw;
                        }

                        patience.OnLongWait?.Invoke();
                    }

                    logger.LogFloodWait(wait.TotalSeconds, state.Chat);
                }
                else if (TelegramErrors.IsTransient(ex) && attempt < 3)
                {
                    wait = TimeSpan.FromSeconds(attempt);
                    logger.LogWriteRetrying(secrets.Redact(ex), state.Chat, wait.TotalSeconds);
                }
                else
                {
                    throw;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task MigrateAsync(ChatId from, long to, CancellationToken cancellationToken)
    {
        if (from.Identifier is not { } fromId)
        {
            return;
        }

        logger.LogMigrating(fromId, to);
        await chats.MigrateAsync(TelegramMapper.ChatAddress(fromId), TelegramMapper.ChatAddress(to), cancellationToken).ConfigureAwait(false);
    }

    private static bool IsPhotoRefused(ApiRequestException ex) =>
        ex.ErrorCode == 400 && TelegramErrors.Classify(ex) is SendOutcome.PermanentFailure { ChatUnreachable: false } failure
        && !failure.Reason.StartsWith("no rights", StringComparison.Ordinal);

    private static ReplyParameters? ReplyTo(int? messageId) =>
        messageId is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null;

    private static LinkPreviewOptions? Preview(bool disable) => disable ? new LinkPreviewOptions { IsDisabled = true } : null;

    // An edit answers a button press: after a long wait it is stale, and the caller sends anew through the queue.
    private static readonly Patience EditPatience = new(null, GiveUpOnLongWait: true);

    private sealed record Patience(Action? OnLongWait, bool GiveUpOnLongWait);

    private sealed class CallState(ChatId chat)
    {
        public ChatId Chat { get; set; } = chat;

        public bool Migrated { get; set; }
    }
}
