using System.Collections.Frozen;

namespace NewsBot.Core.Ingest;

/// <summary>
/// Turns a source's feed entries into stored articles: identity, dedup by item key, URL and
/// title, topics, story grouping across sources, then the store and the index in step.
/// Returns what was new. The only writer of the in-memory <see cref="ArticleIndex"/>: it is
/// loaded from the store at start (<see cref="LoadIndex"/>), and the pruner hands it the
/// articles it deleted (<see cref="Forget"/>); what other instances on the same database stored
/// or deleted reaches it through the change feed (<see cref="Observe"/>, <see cref="Forget"/>).
/// </summary>
public sealed class ArticleIngestor(
    IArticleStore articles,
    ArticleIndex index,
    TopicClassifier classifier,
    TimeProvider time,
    IEnumerable<INewArticlesObserver> observers,
    ILogger<ArticleIngestor> logger)
{
    /// <summary>Reports further apart than this are separate stories, however alike.</summary>
    public static readonly TimeSpan StoryWindow = TimeSpan.FromHours(48);

    private static readonly IngestOptions Defaults = new(FirstFetch: false, NewItemMaxAge: TimeSpan.FromDays(2));

    /// <summary>Fills the index, empty at start, with every stored article as the store reads them.</summary>
    public void LoadIndex(IEnumerable<Article> stored) => index.AddRange(stored);

    /// <summary>Whether the article is in the index already.</summary>
    public bool Indexes(int id) => index.Contains(id);

    /// <summary>Indexes articles another instance stored; those indexed already are left as they are.</summary>
    public void Observe(IEnumerable<Article> stored) => index.AddRange(stored);

    /// <summary>Takes articles the store deleted out of the index.</summary>
    public void Forget(IReadOnlyCollection<int> deleted)
    {
        index.Remove(deleted);
        if (deleted.Count > 0)
        {
            index.Compact();
        }
    }

    /// <summary>Stores entries read outside the poller (tests, tools) with the default rules.</summary>
    public async Task<IReadOnlyList<Article>> IngestAsync(FeedSource source, IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken) =>
        (await IngestAsync(source, entries, Defaults, cancellationToken).ConfigureAwait(false)).Added;

    public Task<IngestResult> IngestAsync(FeedSource source, IReadOnlyList<FeedEntry> entries, IngestOptions options, CancellationToken cancellationToken) =>
        StoreAsync(Prepare(source, entries, options, known: null), cancellationToken);

    /// <summary>
    /// Everything about a copy that needs neither the store nor the index: item keys, repeats
    /// within the copy, dates, texts, topics. Safe to run on any thread, beside another copy's
    /// <see cref="StoreAsync"/>.
    /// </summary>
    /// <param name="known">The items recognised as listed before, which <paramref name="entries"/> leaves out.</param>
    public PreparedCopy Prepare(FeedSource source, IReadOnlyList<FeedEntry> entries, IngestOptions options, KnownItems? known)
    {
        var now = time.GetUtcNow();
        var field = known?.Field ?? ItemKeys.ChooseField(entries, preferLinks: source.Note is not null);
        var drafts = new List<ArticleDraft>(entries.Count);
        var words = new List<StoryWords>(entries.Count);
        var keys = new List<string>(entries.Count + (known?.Keys.Count ?? 0));
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var seenUrls = new HashSet<string>(StringComparer.Ordinal);
        if (known is not null)
        {
            keys.AddRange(known.Keys);
            seenKeys.UnionWith(known.Keys);
            seenUrls.UnionWith(known.Links);
        }

        foreach (var entry in entries)
        {
            var key = ItemKeys.For(source.Id, entry, field);
            var url = entry.Link is { } link && ArticleDraft.LinkFits(link) ? link : ItemKeys.FallbackUrl(key);
            if (!seenKeys.Add(key) || !seenUrls.Add(url))
            {
                continue; // the feed lists the same item twice
            }

            keys.Add(key);

            // An item without a date is dated when first seen; a date in the future is not believed.
            var published = entry.Published ?? entry.Updated ?? now;
            if (published > now)
            {
                published = now;
            }

            var isNew = !options.FirstFetch && now - published <= options.NewItemMaxAge;
            var title = DisguisingCharacters.Strip(entry.Title);
            var summary = DisguisingCharacters.Strip(entry.Summary);
            var topics = classifier.Classify(title, summary, entry.Categories, source.Topics);
            var article = new Article(
                0, url, key, title, summary, DisguisingCharacters.StripOrNull(entry.Author), source.Id, source.Name,
                TruncateToMilliseconds(published), TruncateToMilliseconds(now), topics, entry.ImageUrl, isNew);
            drafts.Add(new ArticleDraft(article, ItemKeys.TitleKey(source.Id, title, entry.Published)));
            words.Add(StoryWords.Of(article));
        }

        return new PreparedCopy(source, drafts, words, keys);
    }

    /// <summary>Stores and publishes one prepared copy; copies are stored one at a time, in order.</summary>
    public async Task<IngestResult> StoreAsync(PreparedCopy copy, CancellationToken cancellationToken) =>
        await PublishAsync((await StoreAsync([copy], cancellationToken).ConfigureAwait(false))[0], cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Finds the stories of prepared copies' articles and stores the new ones as one batch, in
    /// order: a copy's articles are indexed before the next copy's stories are looked for, so
    /// reports of one story from two sources of a batch are one story. All or none: when the
    /// batch fails, its articles leave the index again and the exception is thrown.
    /// </summary>
    public async Task<IReadOnlyList<StoredCopy>> StoreAsync(IReadOnlyList<PreparedCopy> copies, CancellationToken cancellationToken)
    {
        // A source with nothing indexed has nothing stored (the index holds every stored article):
        // its drafts need no lookup by item or title key. Should the store know better (an
        // instance on the same database stored some a moment ago), the batch is stored again
        // with every key looked up.
        var newSources = copies.Select(c => c.Source.Id).Where(id => !index.HasArticlesOf(id)).ToHashSet();
        if (newSources.Count > 0)
        {
            try
            {
                return await StoreAsync(copies, newSources, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogBatchStoredAgain(ex, copies.Count);
            }
        }

        return await StoreAsync(copies, FrozenSet<int>.Empty, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StoredCopy>> StoreAsync(IReadOnlyList<PreparedCopy> copies, IReadOnlySet<int> newSources, CancellationToken cancellationToken)
    {
        var stored = new List<StoredCopy>(copies.Count);
        var indexed = new List<int>();
        try
        {
            var batch = await articles.BeginBatchAsync(copies.SelectMany(c => c.Drafts).ToList(), newSources, cancellationToken).ConfigureAwait(false);
            await using (batch.ConfigureAwait(false))
            {
                foreach (var copy in copies)
                {
                    var result = await batch.AddNewAsync(WithStories(copy), cancellationToken).ConfigureAwait(false);

                    // Indexed before the commit, for the next copy's stories; taken out again should the commit fail.
                    index.AddRange(result.Added);
                    indexed.AddRange(result.Added.Select(a => a.Id));
                    stored.Add(new StoredCopy(copy, result));
                }

                await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            Forget(indexed);
            throw;
        }

        return stored;
    }

    /// <summary>Hands a stored copy's new articles on: notes the syndicated links, tells the observers (subscriptions) in order.</summary>
    public async Task<IngestResult> PublishAsync(StoredCopy stored, CancellationToken cancellationToken)
    {
        var (copy, result) = stored;
        foreach (var id in result.SameLinkElsewhere ?? [])
        {
            await articles.AddAlsoInAsync(id, copy.Source.Name, cancellationToken).ConfigureAwait(false);
        }

        if (result.Added.Count > 0)
        {
            logger.LogArticlesStored(result.Added.Count, copy.Source.Name);
            foreach (var observer in observers)
            {
                await observer.StoredAsync(result.Added, cancellationToken).ConfigureAwait(false);
            }
        }

        return new IngestResult(result.Added, copy.ItemKeys, result.RecognisedByLinkOrTitle);
    }

    /// <summary>The copy's drafts, each with the story it joins.</summary>
    private List<ArticleDraft> WithStories(PreparedCopy copy)
    {
        var drafts = new List<ArticleDraft>(copy.Drafts.Count);
        for (var i = 0; i < copy.Drafts.Count; i++)
        {
            var draft = copy.Drafts[i];
            // The story is found before the article is stored, and stored with it in one write:
            // another instance that reads the article at once sees its story too. Reports of one
            // story come from different sources, so a copy's own articles (one source) never
            // lead each other's stories and need not be indexed first.
            drafts.Add(index.FindStory(draft.Article, copy.Words[i], StoryWindow) is { } lead ? draft with { Article = draft.Article with { StoryId = lead } } : draft);
        }

        return drafts;
    }

    /// <summary>The article a draft will become, for finding its story before it has an id.</summary>
    // The store keeps milliseconds; truncating first keeps round-tripped values equal.
    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
