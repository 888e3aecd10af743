using NewsBot.Core.Announcements;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>Counts admin notices (a source disabled after failures) instead of sending them; the benchmark expects none.</summary>
internal sealed class CountingAdminNotifier : IAdminNotifier
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task NotifyAsync(string eventKey, Func<NewsBot.Core.Languages.Texts, string> message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }
}
