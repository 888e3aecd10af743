using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsBot.Tests.Feeds;

/// <summary>
/// Sources stored together whose batch fails: each is stored again on its own, so the one whose
/// articles cannot be written is the only one that fails, and nothing of the failed batch stays
/// in the index. The store fails through a wrapper around the real LiteDB store: a write that
/// fails for one source's articles alone does not happen on a healthy disk.
/// </summary>
public sealed class BatchFallbackTests : IDisposable
{
    private readonly PollingHarness _polling = new(services: s => s.AddSingleton<IArticleStore>(sp => new RefusingStore(sp.GetRequiredService<LiteDbArticleStore>())));

    public void Dispose() => _polling.Dispose();

    [Fact]
    public async Task ABatchThatFails_IsStoredASourceAtATime_AndOnlyTheSourceThatCannotBeWrittenFails()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/{name}", (string name) =>
            Results.Text(FeedSamples.Rss([($"{name}-1", $"First from {name}", $"https://{name}.example/1"), ($"{name}-2", $"Second from {name}", $"https://{name}.example/2")]), "application/rss+xml")));
        var sources = new List<FeedSource>();
        foreach (var name in new[] { "alpha", "refused", "gamma" })
        {
            sources.Add(await _polling.AddAsync(site.Url($"/{name}"), name));
        }

        var poller = _polling.Bot.Get<SourcePoller>();
        var reads = new List<SourceRead>();
        foreach (var source in sources)
        {
            reads.Add(poller.Read(source, await poller.FetchAsync(source, CancellationToken.None)));
        }

        var applied = await poller.ApplyAsync(reads, CancellationToken.None);

        Assert.Equal([2, 0, 2], applied.Select(a => a.Added.Count));
        Assert.Equal([null, StoredText.Of("feedError.storeCrashed"), null], applied.Select(a => a.State.LastError));
        Assert.Equal(4, await _polling.Articles.CountAsync(CancellationToken.None));
        Assert.Equal(4, _polling.Bot.Get<ArticleIndex>().Count);
        // The three sources' batch, then the refused source's own: each first with the new
        // sources looked up by link only, then again with every key looked up.
        Assert.Equal(4, ((RefusingStore)_polling.Articles).FailedBatches);
    }

    /// <summary>The real store, refusing to commit any write that holds an article of refused.example.</summary>
    private sealed class RefusingStore(LiteDbArticleStore inner) : IArticleStore
    {
        public int FailedBatches { get; private set; }

        private static bool Refused(IEnumerable<ArticleDraft> drafts) => drafts.Any(d => d.Article.Url.Contains("refused.example", StringComparison.Ordinal));

        public ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken) =>
            Refused(drafts) ? throw new IOException("The disk refused the write.") : inner.AddNewAsync(drafts, cancellationToken);

        public async ValueTask<IArticleBatch> BeginBatchAsync(IReadOnlyCollection<ArticleDraft> toAdd, IReadOnlySet<int> newSources, CancellationToken cancellationToken) => new Batch(await inner.BeginBatchAsync(toAdd, newSources, cancellationToken), () => FailedBatches++);

        public ValueTask<IReadOnlyList<int>> DeleteOlderThanAsync(DateTimeOffset cutoff, IReadOnlySet<string> keep, CancellationToken cancellationToken) => inner.DeleteOlderThanAsync(cutoff, keep, cancellationToken);

        public ValueTask<Article?> GetAsync(int id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public ValueTask AddAlsoInAsync(int id, string sourceName, CancellationToken cancellationToken) => inner.AddAlsoInAsync(id, sourceName, cancellationToken);

        public ValueTask<IReadOnlyList<Article>> StoryMembersAsync(int leadId, CancellationToken cancellationToken) => inner.StoryMembersAsync(leadId, cancellationToken);

        public ValueTask<IReadOnlyList<Article>> GetManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken) => inner.GetManyAsync(ids, cancellationToken);

        public IAsyncEnumerable<Article> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

        public ValueTask<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

        private sealed class Batch(IArticleBatch batch, Action failed) : IArticleBatch
        {
            private bool _refused;

            public ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken)
            {
                _refused |= Refused(drafts);
                return batch.AddNewAsync(drafts, cancellationToken);
            }

            public ValueTask CommitAsync(CancellationToken cancellationToken)
            {
                if (_refused)
                {
                    failed();
                    throw new IOException("The disk refused the write.");
                }

                return batch.CommitAsync(cancellationToken);
            }

            public ValueTask DisposeAsync() => batch.DisposeAsync();
        }
    }
}
