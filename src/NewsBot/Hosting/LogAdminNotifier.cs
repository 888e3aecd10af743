using Microsoft.Extensions.Logging;
using NewsBot.Core.Announcements;

namespace NewsBot.Hosting;

/// <summary>
/// Writes admin notices to the log at warning level, where the operator of a terminal chat or
/// a service manager sees them. Chat delivery of notices goes through the outbox once a platform
/// sender is registered in its place.
/// </summary>
internal sealed class LogAdminNotifier(ILogger<LogAdminNotifier> logger) : IAdminNotifier
{
    public Task NotifyAsync(string message, CancellationToken cancellationToken)
    {
        logger.LogWarning("Admin notice: {Notice}", message);
        return Task.CompletedTask;
    }
}
