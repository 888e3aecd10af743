using Microsoft.Extensions.Options;
using NewsBot.Core.Ingest;
using NewsBot.Core.Settings;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>One pass of the ingestor over a round of parsed feeds, with storage in memory.</summary>
internal sealed record IngestPass(ResourceUsage Usage, int Added, int Stories);

/// <summary>Two parts of the first-fetch ingest, each alone on the same entries.</summary>
/// <param name="Classify">The topic classifier on every entry.</param>
/// <param name="StoriesAndIndex">Story matching then indexing of every entry, on a fresh index, as the ingestor does for each new article.</param>
internal sealed record IngestParts(ResourceUsage Classify, ResourceUsage StoriesAndIndex, int Entries);

/// <summary>
/// The ingest step without LiteDB: the real <see cref="ArticleIngestor"/> (item identity, dedup
/// rules, topic classification, story matching, the in-memory index) over entries already
/// parsed, with <see cref="MemoryArticleStore"/> in place of the database. Replays cycles 1, 3
/// and 4 in order on one fresh index, so each pass meets the index its cycle met.
/// </summary>
internal sealed class IngestReplay : IDisposable
{
    private readonly ArticleIndex _index = new();
    private readonly MemoryArticleStore _store = new();
    private readonly ArticleIngestor _ingestor;
    private readonly ManualClock _clock;

    public IngestReplay(ManualClock clock, IReadOnlyDictionary<string, List<string>> topics)
    {
        _clock = clock;
        var options = Options.Create(new NewsBotOptions { Topics = topics.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase) });
        _ingestor = new ArticleIngestor(_store, _index, new TopicClassifier(options), clock, [], NullLogger<ArticleIngestor>.Instance);
    }

    /// <summary>Ingests every source's entries as the poller would, at <paramref name="now"/>.</summary>
    public async Task<IngestPass> RunAsync(IReadOnlyList<(FeedSource Source, IReadOnlyList<FeedEntry> Entries)> round, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _clock.AdvanceTo(now);
        var added = 0;
        var stories = 0;
        var meter = ResourceMeter.Start();
        foreach (var (source, entries) in round)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await _ingestor.IngestAsync(source, entries, new IngestOptions(source.LastSuccessAt is null, TimeSpan.FromDays(2)), cancellationToken);
            added += result.Added.Count;
            stories += result.Added.Count(a => a.StoryId != 0);
        }

        return new IngestPass(meter.Stop(), added, stories);
    }

    /// <summary>
    /// Times two parts of the ingestor alone on the same entries: topic classification, and story
    /// matching followed by indexing (<see cref="ArticleIndex.FindStory"/> then
    /// <see cref="ArticleIndex.Add"/>) on a fresh index, in the order the ingestor calls them.
    /// </summary>
    public static IngestParts MeasureParts(
        IReadOnlyList<(FeedSource Source, IReadOnlyList<FeedEntry> Entries)> round,
        IReadOnlyDictionary<string, List<string>> topics,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var classifier = new TopicClassifier(Options.Create(new NewsBotOptions { Topics = topics.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase) }));
        var entries = 0;
        var classifying = ResourceMeter.Start();
        foreach (var (source, items) in round)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var entry in items)
            {
                _ = classifier.Classify(entry.Title, entry.Summary, entry.Categories, source.Topics);
                entries++;
            }
        }

        var classify = classifying.Stop();
        using var index = new ArticleIndex();
        var id = 0;
        var indexing = ResourceMeter.Start();
        foreach (var (source, items) in round)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var entry in items)
            {
                var article = new Article(
                    ++id, entry.Link ?? "", "", entry.Title, entry.Summary, entry.Author, source.Id, source.Name,
                    entry.Published ?? now, now, source.Topics, entry.ImageUrl, IsNew: false);
                if (index.FindStory(article, ArticleIngestor.StoryWindow) is { } lead)
                {
                    article = article with { StoryId = lead };
                }

                index.Add(article);
            }
        }

        return new IngestParts(classify, indexing.Stop(), entries);
    }

    public void Dispose() => _index.Dispose();
}

/// <summary>
/// Articles in dictionaries, with the decisions of <c>LiteDbArticleStore.AddNew</c>: a known item
/// key is skipped; a known link or title key is recognised rather than stored.
/// </summary>
internal sealed class MemoryArticleStore : IArticleStore
{
    private readonly Dictionary<int, Article> _byId = [];
    private readonly HashSet<string> _itemKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _urls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _titleKeys = new(StringComparer.Ordinal);

    public ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AddNew(drafts));

    // Nothing in memory fails, so a batch's adds are stored as they come and its commit has nothing left to do.
    public ValueTask<IArticleBatch> BeginBatchAsync(IReadOnlyCollection<ArticleDraft> toAdd, IReadOnlySet<int> newSources, CancellationToken cancellationToken) => ValueTask.FromResult<IArticleBatch>(new Batch(this));

    // The replay never prunes, and never asks which other sources carried a link.
    public ValueTask AddAlsoInAsync(int id, string sourceName, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<IReadOnlyList<int>> DeleteOlderThanAsync(DateTimeOffset cutoff, IReadOnlySet<string> keep, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<int>>([]);

    public ValueTask<Article?> GetAsync(int id, CancellationToken cancellationToken) => ValueTask.FromResult(_byId.GetValueOrDefault(id));

    public ValueTask<IReadOnlyList<Article>> StoryMembersAsync(int leadId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Article>>([.. _byId.Values.Where(a => a.StoryId == leadId)]);

    public ValueTask<IReadOnlyList<Article>> GetManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Article>>([.. ids.Where(_byId.ContainsKey).Select(id => _byId[id])]);

    public IAsyncEnumerable<Article> ReadAllAsync(CancellationToken cancellationToken) => _byId.Values.ToAsyncEnumerable();

    public ValueTask<int> CountAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_byId.Count);

    private sealed class Batch(MemoryArticleStore store) : IArticleBatch
    {
        public ValueTask<AddResult> AddNewAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken cancellationToken) => store.AddNewAsync(drafts, cancellationToken);

        public ValueTask CommitAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private AddResult AddNew(IReadOnlyList<ArticleDraft> drafts)
    {
        var added = new List<Article>();
        var recognised = 0;
        foreach (var draft in drafts)
        {
            if (_itemKeys.Contains(draft.Article.ItemKey))
            {
                continue;
            }

            if (_urls.ContainsKey(draft.Article.Url) || _titleKeys.Contains(draft.TitleKey))
            {
                recognised++;
                continue;
            }

            var article = draft.Article with { Id = _byId.Count + 1 };
            _byId.Add(article.Id, article);
            _itemKeys.Add(article.ItemKey);
            _urls.Add(article.Url, article.Id);
            _titleKeys.Add(draft.TitleKey);
            added.Add(article);
        }

        return new AddResult(added, recognised, []);
    }
}
