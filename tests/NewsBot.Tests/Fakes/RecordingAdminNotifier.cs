namespace NewsBot.Tests.Fakes;

public sealed class RecordingAdminNotifier : IAdminNotifier
{
    private readonly List<(string EventKey, string Message)> _notices = [];

    public IReadOnlyList<string> Messages => [.. Notices.Select(n => n.Message)];

    public IReadOnlyList<(string EventKey, string Message)> Notices
    {
        get
        {
            lock (_notices)
            {
                return [.. _notices];
            }
        }
    }

    public Task NotifyAsync(string eventKey, string message, CancellationToken cancellationToken)
    {
        lock (_notices)
        {
            _notices.Add((eventKey, message));
        }

        return Task.CompletedTask;
    }
}
