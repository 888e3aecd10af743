namespace NewsBot.Core.Announcements;

/// <summary>Tells the bot's admins about something that needs a person (a feed disabled, say).</summary>
public interface IAdminNotifier
{
    Task NotifyAsync(string message, CancellationToken cancellationToken);
}
