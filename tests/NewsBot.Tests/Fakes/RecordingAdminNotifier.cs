using NewsBot.Core.Announcements;

namespace NewsBot.Tests.Fakes;

public sealed class RecordingAdminNotifier : IAdminNotifier
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public Task NotifyAsync(string message, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }

        return Task.CompletedTask;
    }
}
