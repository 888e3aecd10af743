namespace NewsBot.Core.Commands;

/// <summary>A command on its way to its handler.</summary>
/// <param name="Arguments">The text after the command name, cleaned and trimmed.</param>
/// <param name="IsBotAdmin">The sender is listed in <c>NewsBot:Admins</c> (or is the terminal operator).</param>
/// <remarks>The router has checked the sender's rights before a handler sees it.</remarks>
public sealed record CommandRequest(IncomingMessage Message, string Arguments, bool IsBotAdmin)
{
    /// <summary>The words of the asker's language, which the answer is written in.</summary>
    public Texts Texts { get; init; } = LanguageCatalog.Default.For(LanguageCatalog.EnglishCode);

    /// <summary>
    /// The word that named the chat acted on from another one (a channel's id, from a private
    /// chat), for the commands an answer tells the person to type; null when the command acts
    /// where it was sent.
    /// </summary>
    public string? NamedChat { get; init; }
}
