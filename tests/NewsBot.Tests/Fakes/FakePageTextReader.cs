using System.Collections.Concurrent;
using NewsBot.Core.Reading;

namespace NewsBot.Tests.Fakes;

/// <summary>Article pages as the test says they read, with a count of how often each was asked for.</summary>
public sealed class FakePageTextReader : IPageTextReader
{
    private readonly ConcurrentDictionary<string, PageText> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);

    public void Serve(string url, PageText page) => _pages[url] = page;

    public int ReadsOf(string url) => _reads.TryGetValue(url, out var count) ? count : 0;

    public Task<PageText> ReadAsync(string url, CancellationToken cancellationToken)
    {
        _reads.AddOrUpdate(url, 1, (_, count) => count + 1);
        return Task.FromResult(_pages.TryGetValue(url, out var page) ? page : PageText.Failed(FullTextProblem.Unreachable));
    }
}
