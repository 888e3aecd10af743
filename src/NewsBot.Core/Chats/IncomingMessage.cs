namespace NewsBot.Core.Chats;

/// <summary>
/// What an adapter hands to the core: who wrote what, where. Button presses arrive the same
/// way, with the button's command line as <see cref="Text"/>.
/// </summary>
/// <param name="Chat">The chat the message came from.</param>
/// <param name="ChatKind">Private chat, group, channel or server channel.</param>
/// <param name="ChatTitle">The group or channel title, if any.</param>
/// <param name="User">The sender.</param>
/// <param name="UserName">The sender's display name.</param>
/// <param name="Text">The message text or the button payload.</param>
/// <param name="IsChatAdmin">
/// Whether the sender is already known to administer this chat (group admin, server manager);
/// true in a private chat. When the adapter has to ask the platform, it sets
/// <see cref="AskIsChatAdmin"/> instead, and the router asks only when a command needs it.
/// </param>
/// <param name="IsButton">Whether this came from a button rather than typed text.</param>
public sealed record IncomingMessage(
    ChatAddress Chat,
    ChatKind ChatKind,
    string? ChatTitle,
    UserAddress User,
    string UserName,
    string Text,
    bool IsChatAdmin,
    bool IsButton = false)
{
    public bool IsPrivate => ChatKind == ChatKind.Private;

    /// <summary>For a button press, what kind of button it was (from its payload).</summary>
    public NewsBot.Core.Replies.ButtonKind PressedKind { get; init; }

    /// <summary>
    /// The sender's language as the platform reports it (Telegram's <c>language_code</c>, Discord's
    /// <c>locale</c>): what they are answered in until they choose one with /language.
    /// </summary>
    public string? LanguageTag { get; init; }

    /// <summary>
    /// The language the platform reports for the chat itself (Discord's <c>guild_locale</c>): the
    /// chat's language for pushes and digests until its admins choose one.
    /// </summary>
    public string? ChatLanguageTag { get; init; }

    /// <summary>
    /// The forum topic of the group the message was written in (Telegram's <c>message_thread_id</c>),
    /// null in its general topic and everywhere else. Subscription commands act on the topic
    /// (<see cref="ForumTopics"/>); the group's settings stay the group's.
    /// </summary>
    public string? ForumTopicId { get; init; }

    /// <summary>The forum topic's name, when the platform tells it.</summary>
    public string? ForumTopicTitle { get; init; }

    /// <summary>The adapter's answer to "may this sender change this chat?", asked only when needed.</summary>
    public Func<CancellationToken, ValueTask<bool>>? AskIsChatAdmin { get; init; }

    public async ValueTask<bool> IsSenderChatAdminAsync(CancellationToken cancellationToken) =>
        IsPrivate || IsChatAdmin || (AskIsChatAdmin is { } ask && await ask(cancellationToken).ConfigureAwait(false));
}
