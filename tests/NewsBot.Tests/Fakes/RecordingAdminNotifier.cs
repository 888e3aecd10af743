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

    /// <summary>Records the notice as an English-speaking admin reads it.</summary>
    public Task NotifyAsync(string eventKey, Func<Texts, string> message, CancellationToken cancellationToken)
    {
        var text = message(LanguageCatalog.Default.For(LanguageCatalog.EnglishCode));
        lock (_notices)
        {
            _notices.Add((eventKey, text));
        }

        return Task.CompletedTask;
    }
}
