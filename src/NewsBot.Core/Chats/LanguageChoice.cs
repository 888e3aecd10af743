namespace NewsBot.Core.Chats;

/// <summary>
/// Which language people and chats are written to in. A person is answered in the language
/// they chose with /language, else the one their platform reports, else English. A chat's
/// pushes and digests follow the chat's own language: in a private chat, its person's; in a
/// group, channel or server channel, the one its admins chose, else the platform's report for
/// the chat (Discord's server locale), else the language of the first admin seen there, else
/// English.
/// </summary>
public sealed class LanguageChoice(ChatLifecycle chats, IUserStore users, ILogger<LanguageChoice> logger)
{
    private static LanguageCatalog Catalog => LanguageCatalog.Default;

    /// <summary>The language the sender of a message is answered in.</summary>
    public async ValueTask<Language> ForPersonAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string? chosen = null;
        try
        {
            chosen = await users.FindLanguageAsync(message.User, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The answer still goes out, in the language the platform reports.
            logger.LogChoiceNotRead(ex, message.User.Key);
        }

        return Catalog.Match(chosen)
            ?? Catalog.Match(message.LanguageTag)
            ?? (message.IsPrivate ? Catalog.Match(chats.Find(message.Chat)?.Language) : null)
            ?? Catalog.English;
    }

    /// <summary>
    /// Keeps the chat's language in step with what is known: a private chat's follows its person;
    /// a group's, channel's or server channel's is set once, from the platform's report for the
    /// chat or from an admin's language, and after that only by /language.
    /// </summary>
    public async Task KeepChatLanguageAsync(IncomingMessage message, Language person, bool senderIsChatAdmin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(person);
        if (chats.Find(message.Chat) is not { } chat)
        {
            return;
        }

        var wanted = message.IsPrivate
            ? person.Code
            : chat.Language is not null
                ? null
                : Catalog.Match(message.ChatLanguageTag)?.Code ?? (senderIsChatAdmin ? Catalog.Match(message.LanguageTag)?.Code : null);
        if (wanted is not null && !string.Equals(wanted, chat.Language, StringComparison.Ordinal))
        {
            await chats.SetLanguageAsync(message.Chat, wanted, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A chat the bot was just added to takes the language of the person who added it, if it has none yet.</summary>
    public async Task AdoptAsync(ChatAddress chat, string? languageTag, CancellationToken cancellationToken)
    {
        if (Catalog.Match(languageTag) is { } language && chats.Find(chat) is { Language: null })
        {
            await chats.SetLanguageAsync(chat, language.Code, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The person's own choice, kept for every chat they write from; their private chat's pushes follow it.</summary>
    public async Task ChooseForPersonAsync(IncomingMessage message, Language language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(language);
        await users.SetLanguageAsync(message.User, message.UserName, language.Code, now, cancellationToken).ConfigureAwait(false);
        var own = PrivateChats.Of(message.User);
        if (chats.Find(own) is not null)
        {
            await chats.SetLanguageAsync(own, language.Code, cancellationToken).ConfigureAwait(false);
        }
    }
}
