using System.Security.Cryptography;

namespace NewsBot.Feeds;

/// <summary>
/// Reads one source and records the outcome in its health: conditional GET, parse, store,
/// the next poll time, the failure ladder, permanent moves. Fetching, reading and storing are
/// separate steps so many fetches can run at once, and one source is read while another is
/// stored, while storing stays in a predictable order.
/// </summary>
internal sealed class SourcePoller(
    FeedFetcher fetcher,
    FeedParser parser,
    ArticleIngestor ingestor,
    FeedBodies bodies,
    ISourceStore sources,
    IAdminNotifier admins,
    IOptionsMonitor<FeedsOptions> options,
    NewsBot.Core.Telemetry.NewsBotMetrics metrics,
    TimeProvider time,
    ILogger<SourcePoller> logger)
{
    public async Task<FetchResult> FetchAsync(FeedSource source, CancellationToken cancellationToken)
    {
        using var scope = NewsBot.Hosting.LogScopes.Source(logger, source);
        var conditions = source.LastSuccessAt is null ? FetchConditions.None : new FetchConditions(source.ETag, source.LastModified);
        try
        {
            return await fetcher.FetchAsync(source.FetchUrl, conditions, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogFetchCrashed(ex, source.Name);
            return new FetchResult.Failure(StoredText.Of("feedError.fetchCrashed"));
        }
    }

    /// <summary>Stores what a fetch brought and saves the source's new state; returns the new articles.</summary>
    public async Task<IReadOnlyList<Article>> ApplyAsync(FeedSource source, FetchResult result, CancellationToken cancellationToken)
    {
        var (added, state) = (await ApplyAsync([Read(source, result)], cancellationToken).ConfigureAwait(false))[0];
        await sources.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>
    /// The part of applying a fetch that needs neither the store nor the index: the body's hash,
    /// the parse (leaving out the items the source listed last time), keys and topics. Never
    /// throws; safe to run on any thread while another source is stored.
    /// </summary>
    public SourceRead Read(FeedSource source, FetchResult result)
    {
        if (result is not FetchResult.Success success)
        {
            return new SourceRead(source, result);
        }

        var settings = options.CurrentValue;
        using var scope = NewsBot.Hosting.LogScopes.Source(logger, source);
        try
        {
            // A server that ignores the validators and resends the same bytes costs a hash, not a parse.
            var hash = ContentHash(success.Content);
            if (source.LastSuccessAt is not null && source.LastError is null && hash == source.ContentHash)
            {
                return new SourceRead(source, result) { Hash = hash, Unchanged = true };
            }

            var document = parser.Parse(success.Content, success.Charset, success.FinalUrl, new ItemSkipping(source, settings.MaxItemsPerRead));
            if (!document.IsFeed)
            {
                return new SourceRead(source, result) { Hash = hash, Document = document };
            }

            var taken = ReadCap.Newest(document.Entries, settings.MaxItemsPerRead);
            var leftOut = document.Entries.Count - taken.Count;
            if (leftOut > 0)
            {
                logger.LogItemsCapped(source.Name, document.Entries.Count, taken.Count);
            }

            var copy = ingestor.Prepare(source, taken, new IngestOptions(source.LastSuccessAt is null, settings.NewItemMaxAge), document.Known);
            FeedBodies.ConvertAhead(document);
            return new SourceRead(source, result) { Hash = hash, Document = document, Copy = copy, LeftOut = leftOut };
        }
        catch (Exception ex)
        {
            return new SourceRead(source, result) { Crash = ex };
        }
    }

    /// <summary>
    /// Stores what <see cref="Read"/> made ready for several sources, in the order given and in
    /// one batch (<see cref="ArticleIngestor.StoreAsync(IReadOnlyList{PreparedCopy}, CancellationToken)"/>);
    /// returns each source's new articles and new state, for the caller to save after them.
    /// </summary>
    public async Task<IReadOnlyList<(IReadOnlyList<Article> Added, FeedSource State)>> ApplyAsync(IReadOnlyList<SourceRead> reads, CancellationToken cancellationToken)
    {
        var stored = await StoreAsync(reads, cancellationToken).ConfigureAwait(false);
        var applied = new List<(IReadOnlyList<Article>, FeedSource)>(reads.Count);
        var keep = new List<ArticleText>();
        foreach (var read in reads)
        {
            applied.Add(await ApplyAsync(read, stored.GetValueOrDefault(read), keep, cancellationToken).ConfigureAwait(false));
        }

        await bodies.KeepAsync(keep, cancellationToken).ConfigureAwait(false);
        return applied;
    }

    /// <summary>
    /// The new articles of every read that brought a feed, stored as one batch; should that fail,
    /// each source's on its own, so one source's articles never keep the others' out.
    /// </summary>
    private async Task<Dictionary<SourceRead, StoreOutcome>> StoreAsync(IReadOnlyList<SourceRead> reads, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<SourceRead, StoreOutcome>(ReferenceEqualityComparer.Instance);
        var toStore = reads.Where(r => r.Copy is not null).ToList();
        if (toStore.Count == 0)
        {
            return outcomes;
        }

        try
        {
            var stored = await ingestor.StoreAsync(toStore.Select(r => r.Copy!).ToList(), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < toStore.Count; i++)
            {
                outcomes[toStore[i]] = new StoreOutcome(stored[i], null);
            }

            return outcomes;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (toStore.Count > 1)
        {
            logger.LogBatchFailed(ex, toStore.Count);
        }
        catch (Exception ex)
        {
            outcomes[toStore[0]] = new StoreOutcome(null, ex);
            return outcomes;
        }

        foreach (var read in toStore)
        {
            try
            {
                outcomes[read] = new StoreOutcome((await ingestor.StoreAsync([read.Copy!], cancellationToken).ConfigureAwait(false))[0], null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                outcomes[read] = new StoreOutcome(null, ex);
            }
        }

        return outcomes;
    }

    /// <param name="keep">Where the bodies to keep of the articles added go, stored for the whole group at the end.</param>
    private async Task<(IReadOnlyList<Article> Added, FeedSource State)> ApplyAsync(SourceRead read, StoreOutcome? stored, List<ArticleText> keep, CancellationToken cancellationToken)
    {
        var source = read.Source;
        var result = read.Result;
        var now = time.GetUtcNow();
        metrics.FeedFetched(NewsBot.Monitoring.FeedFetchOutcome.Of(result));
        using var scope = NewsBot.Hosting.LogScopes.Source(logger, source);
        try
        {
            if (read.Crash is { } crash)
            {
                throw new InvalidOperationException("Reading the feed failed unexpectedly.", crash);
            }

            switch (result)
            {
                case FetchResult.Success success when read.Unchanged:
                    return ([], Succeeded(source, now, success.ETag, success.LastModified, success.MovedTo, success.MaxAge, null));
                case FetchResult.Success success:
                    var document = read.Document!;
                    if (!document.IsFeed)
                    {
                        var problem = document.Problems.Count > 0 ? document.Problems[0] : StoredText.Of("feedError.notAFeed");
                        return ([], await FailedAsync(source, problem, null, now, cancellationToken).ConfigureAwait(false));
                    }

                    if (stored?.Failure is { } storing)
                    {
                        throw new InvalidOperationException("Storing the feed's articles failed.", storing);
                    }

                    var ingested = await ingestor.PublishAsync(stored!.Stored!, cancellationToken).ConfigureAwait(false);
                    keep.AddRange(bodies.Of(document, ingested.Added));
                    var note = source.Note;
                    if (ingested.RecognisedByLinkOrTitle > 0 && note is null)
                    {
                        note = StoredText.Of("feedNote.newIds");
                        logger.LogMatchingByLink(source.Name);
                    }

                    return (ingested.Added, Succeeded(source, now, success.ETag, success.LastModified, success.MovedTo, success.MaxAge, document.Ttl) with
                    {
                        ItemCount = source.ItemCount + ingested.Added.Count,
                        CurrentItemKeys = ingested.ItemKeys,
                        Note = note,
                        ItemsLeftOut = read.LeftOut,
                        ContentHash = read.Hash,
                    });
                case FetchResult.NotModified notModified:
                    return ([], Succeeded(source, now, notModified.ETag, notModified.LastModified, notModified.MovedTo, notModified.MaxAge, null));
                case FetchResult.Failure failure:
                    return ([], await FailedAsync(source, failure.Reason, failure.RetryAfter, now, cancellationToken).ConfigureAwait(false));
                default:
                    return ([], source);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogStoreCrashed(ex, source.Name);
            return ([], await FailedAsync(source, StoredText.Of("feedError.storeCrashed"), null, now, cancellationToken).ConfigureAwait(false));
        }
    }

    private FeedSource Succeeded(FeedSource source, DateTimeOffset now, string? etag, DateTimeOffset? lastModified, Uri? movedTo, TimeSpan? maxAge, TimeSpan? ttl)
    {
        if (movedTo is not null && movedTo.ToString() != source.FetchUrl)
        {
            logger.LogSourceMoved(source.Name, movedTo);
        }

        return source with
        {
            LastAttemptAt = now,
            LastSuccessAt = now,
            LastError = null,
            ConsecutiveFailures = 0,
            AdminsNotified = false,
            ETag = etag,
            LastModified = lastModified,
            MovedTo = movedTo?.ToString() ?? source.MovedTo,
            NextPollAt = PollSchedule.AfterSuccess(source.Url, now, options.CurrentValue, maxAge, ttl, source.PollInterval),
        };
    }

    /// <summary>The source's state after a failed read; admins are told first when it disables the source.</summary>
    private async Task<FeedSource> FailedAsync(FeedSource source, string reason, TimeSpan? retryAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var failures = source.ConsecutiveFailures + 1;
        var disable = failures >= settings.DisableAfterFailures;
        var updated = source with
        {
            LastAttemptAt = now,
            LastError = StoredText.FromEnglish(reason),
            ConsecutiveFailures = failures,
            Enabled = source.Enabled && !disable,
            NextPollAt = PollSchedule.AfterFailure(failures, now, settings, retryAfter),
        };
        logger.LogSourceFailed(source.Name, failures, StoredText.InEnglish(reason));

        if (disable && !source.AdminsNotified)
        {
            // Told before the source is saved as told: should the bot stop in between, the next
            // poll starts from the same stored source, tells under the same event, and adds nothing.
            await admins.NotifyAsync(
                DisabledEvent(source),
                t => t.Get("notice.sourceDisabled", ("name", source.Name), ("id", source.Id), ("url", source.Url), ("failures", failures), ("error", StoredText.Render(reason, t))),
                cancellationToken).ConfigureAwait(false);
            updated = updated with { AdminsNotified = true };
        }

        return updated;
    }

    /// <summary>One disabling of the source: named by the attempt before the one that disabled it, so a later disabling (after the source was listed again) is another event.</summary>
    private static string DisabledEvent(FeedSource source) =>
        $"source-disabled:{source.Id.ToString(CultureInfo.InvariantCulture)}:{(source.LastAttemptAt?.ToUnixTimeMilliseconds() ?? 0).ToString(CultureInfo.InvariantCulture)}";

    private static string ContentHash(byte[] content)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(content, digest);
        return Convert.ToHexStringLower(digest[..16]);
    }

    /// <summary>How storing a read's articles went: stored, or the failure to report for it.</summary>
    private sealed record StoreOutcome(StoredCopy? Stored, Exception? Failure);
}
