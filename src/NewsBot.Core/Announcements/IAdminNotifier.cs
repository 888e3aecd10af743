namespace NewsBot.Core.Announcements;

/// <summary>Tells the bot's admins about something that needs a person (a feed disabled, say).</summary>
public interface IAdminNotifier
{
    /// <param name="eventKey">
    /// Names the event the notice is about, short and stable (<c>source-disabled:12:…</c>): told
    /// again about the same event, say when a step is run again after a crash, the admins get
    /// nothing more; a different event is told even when its words are the same.
    /// </param>
    /// <param name="message">What the admins read, written in the language it is given (each admin's own; English for the log).</param>
    Task NotifyAsync(string eventKey, Func<Texts, string> message, CancellationToken cancellationToken);
}
