using LiteDB;

namespace NewsBot.Storage;

/// <remarks>
/// Every source is read at each scheduler tick and for each window of a polling round, so the
/// list is kept in memory as last read or written: this store is the file's only writer of
/// sources (one process holds the file). A state save updates its entry once the write is
/// done; any other change, or a failed save, drops the list, to be read again.
/// </remarks>
internal sealed class LiteDbSourceStore(NewsBotDatabase database) : ISourceStore
{
    private readonly Lock _writeLock = new();

    // Ordered by id, as LiteDB reads them; null until read, and after a change other than a state save.
    private List<FeedSource>? _all;

    public ValueTask<FeedSource> EnsureAsync(string name, string url, IReadOnlyList<string> topics, bool fromConfiguration, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Ensure(name, url, topics, fromConfiguration));

    public ValueTask<IReadOnlyList<FeedSource>> AllAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<FeedSource>>(All());

    public ValueTask<FeedSource?> GetAsync(int id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Get(id));

    public ValueTask<FeedSource?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
        ValueTask.FromResult(FindByUrl(url));

    public ValueTask SaveAsync(FeedSource source, CancellationToken cancellationToken) => SaveAllAsync([source], cancellationToken);

    public ValueTask SaveAllAsync(IReadOnlyList<FeedSource> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        lock (_writeLock)
        {
            var saved = new List<SourceDocument>(sources.Count);
            try
            {
                database.Database.InTransaction(() =>
                {
                    var stored = database.Sources
                        .Find(LiteDbIds.In(sources.Select(s => s.Id)))
                        .ToDictionary(d => d.Id);
                    foreach (var source in sources)
                    {
                        // A source removed while it was being fetched has nothing left to save.
                        if (stored.TryGetValue(source.Id, out var document))
                        {
                            saved.Add(WithState(source, document));
                        }
                    }

                    database.Sources.Update(saved);
                });
            }
            catch
            {
                _all = null;
                throw;
            }

            foreach (var document in saved)
            {
                Remember(document);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> UpdateSettingsAsync(FeedSource source, CancellationToken cancellationToken) =>
        ValueTask.FromResult(UpdateSettings(source));

    public ValueTask<bool> RemoveAsync(int id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Remove(id));

    private FeedSource Ensure(string name, string url, IReadOnlyList<string> topics, bool fromConfiguration)
    {
        lock (_writeLock)
        {
            _all = null;
            var collection = database.Sources;
            var document = collection.FindOne(s => s.Url == url);
            if (document is null)
            {
                document = new SourceDocument { Name = name, Url = url, Topics = [.. topics], FromConfiguration = fromConfiguration };
                collection.Insert(document);
            }
            else
            {
                document.Name = name;
                document.Topics = [.. topics];
                document.FromConfiguration |= fromConfiguration;
                if (!document.Enabled)
                {
                    // Listing a source again (in configuration or with /feeds add) is the way to revive it.
                    document.Enabled = true;
                    document.ConsecutiveFailures = 0;
                    document.AdminsNotified = false;
                    document.NextPollAt = null;
                }

                collection.Update(document);
            }

            return ToSource(document);
        }
    }

    private List<FeedSource> All()
    {
        lock (_writeLock)
        {
            _all ??= database.Sources.FindAll().Select(ToSource).ToList();
            return [.. _all];
        }
    }

    private void Remember(SourceDocument document)
    {
        if (_all is null)
        {
            return;
        }

        var source = ToSource(document);
        var at = _all.BinarySearch(source, ById.Instance);
        if (at >= 0)
        {
            _all[at] = source;
        }
        else
        {
            _all = null;
        }
    }

    private FeedSource? Get(int id)
    {
        var document = database.Sources.FindById(id);
        return document is null ? null : ToSource(document);
    }

    private FeedSource? FindByUrl(string url)
    {
        var document = database.Sources.FindOne(s => s.Url == url);
        return document is null ? null : ToSource(document);
    }

    /// <returns>The stored document, with the source's state written into it.</returns>
    private static SourceDocument WithState(FeedSource source, SourceDocument document)
    {
        document.Enabled = source.Enabled;
        document.LastAttemptAt = Dates.ToStored(source.LastAttemptAt);
        document.LastSuccessAt = Dates.ToStored(source.LastSuccessAt);
        document.LastError = source.LastError;
        document.ConsecutiveFailures = source.ConsecutiveFailures;
        document.ItemCount = source.ItemCount;
        document.NextPollAt = Dates.ToStored(source.NextPollAt);
        document.ETag = source.ETag;
        document.LastModified = Dates.ToStored(source.LastModified);
        document.MovedTo = source.MovedTo;
        document.AdminsNotified = source.AdminsNotified;
        document.Note = source.Note;
        document.ItemsLeftOut = source.ItemsLeftOut;
        document.ContentHash = source.ContentHash;
        document.CurrentItemKeys = [.. source.CurrentItemKeys];
        return document;
    }

    private bool UpdateSettings(FeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_writeLock)
        {
            _all = null;
            var document = database.Sources.FindById(source.Id);
            if (document is null)
            {
                return false;
            }

            document.Name = source.Name;
            document.Topics = [.. source.Topics];
            document.Paused = source.Paused;
            document.PollIntervalMs = SourceSettingsText.Milliseconds(source.PollInterval);
            document.FullText = SourceSettingsText.Of(source.FullText);
            document.NextPollAt = Dates.ToStored(source.NextPollAt);
            return database.Sources.Update(document);
        }
    }

    private bool Remove(int id)
    {
        lock (_writeLock)
        {
            _all = null;
            return database.Sources.Delete(id);
        }
    }

    private static FeedSource ToSource(SourceDocument d) => new(
        d.Id, d.Name, d.Url, d.Topics, d.Enabled,
        Dates.FromStored(d.LastAttemptAt), Dates.FromStored(d.LastSuccessAt), d.LastError,
        d.ConsecutiveFailures, d.ItemCount, Dates.FromStored(d.NextPollAt))
    {
        ETag = d.ETag,
        LastModified = Dates.FromStored(d.LastModified),
        MovedTo = d.MovedTo,
        FromConfiguration = d.FromConfiguration,
        AdminsNotified = d.AdminsNotified,
        Note = d.Note,
        ItemsLeftOut = d.ItemsLeftOut,
        ContentHash = d.ContentHash,
        CurrentItemKeys = d.CurrentItemKeys,
        Paused = d.Paused,
        PollInterval = SourceSettingsText.Interval(d.PollIntervalMs),
        FullText = SourceSettingsText.FullText(d.FullText),
    };

    private sealed class ById : IComparer<FeedSource>
    {
        public static readonly ById Instance = new();

        public int Compare(FeedSource? x, FeedSource? y) => (x?.Id ?? 0).CompareTo(y?.Id ?? 0);
    }
}
