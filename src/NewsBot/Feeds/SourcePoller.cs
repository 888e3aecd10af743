using System.Security.Cryptography;

namespace NewsBot.Feeds;

/// <summary>
/// Reads one source and records the outcome in its health: conditional GET, parse, store,
/// the next poll time, the failure ladder, permanent moves. Fetching and storing are separate
/// steps so many fetches can run at once while storing stays in a predictable order.
/// </summary>
internal sealed partial class SourcePoller(
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
            LogFetchCrashed(logger, ex, source.Name);
            return new FetchResult.Failure(StoredText.Of("feedError.fetchCrashed"));
        }
    }

    /// <summary>Stores what a fetch brought and saves the source's new state; returns the new articles.</summary>
    public async Task<IReadOnlyList<Article>> ApplyAsync(FeedSource source, FetchResult result, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        metrics.FeedFetched(NewsBot.Monitoring.FeedFetchOutcome.Of(result));
        using var scope = NewsBot.Hosting.LogScopes.Source(logger, source);
        try
        {
            switch (result)
            {
                case FetchResult.Success success:
                    // A server that ignores the validators and resends the same bytes costs a hash, not a parse.
                    var hash = ContentHash(success.Content);
                    if (source.LastSuccessAt is not null && source.LastError is null && hash == source.ContentHash)
                    {
                        await SaveAsync(Succeeded(source, now, success.ETag, success.LastModified, success.MovedTo, success.MaxAge, null), cancellationToken).ConfigureAwait(false);
                        return [];
                    }

                    var document = parser.Parse(success.Content, success.Charset, success.FinalUrl);
                    if (!document.IsFeed)
                    {
                        var problem = document.Problems.Count > 0 ? document.Problems[0] : StoredText.Of("feedError.notAFeed");
                        await FailAsync(source, problem, null, now, cancellationToken).ConfigureAwait(false);
                        return [];
                    }

                    var taken = ReadCap.Newest(document.Entries, settings.MaxItemsPerRead);
                    var leftOut = document.Entries.Count - taken.Count;
                    if (leftOut > 0)
                    {
                        LogItemsCapped(logger, source.Name, document.Entries.Count, taken.Count);
                    }

                    var ingested = await ingestor.IngestAsync(source, taken, new IngestOptions(source.LastSuccessAt is null, settings.NewItemMaxAge), cancellationToken).ConfigureAwait(false);
                    await bodies.KeepAsync(document, ingested.Added, cancellationToken).ConfigureAwait(false);
                    var note = source.Note;
                    if (ingested.RecognisedByLinkOrTitle > 0 && note is null)
                    {
                        note = StoredText.Of("feedNote.newIds");
                        LogMatchingByLink(logger, source.Name);
                    }

                    await SaveAsync(Succeeded(source, now, success.ETag, success.LastModified, success.MovedTo, success.MaxAge, document.Ttl) with
                    {
                        ItemCount = source.ItemCount + ingested.Added.Count,
                        CurrentItemKeys = ingested.ItemKeys,
                        Note = note,
                        ItemsLeftOut = leftOut,
                        ContentHash = hash,
                    }, cancellationToken).ConfigureAwait(false);
                    return ingested.Added;
                case FetchResult.NotModified notModified:
                    await SaveAsync(Succeeded(source, now, notModified.ETag, notModified.LastModified, notModified.MovedTo, notModified.MaxAge, null), cancellationToken).ConfigureAwait(false);
                    return [];
                case FetchResult.Failure failure:
                    await FailAsync(source, failure.Reason, failure.RetryAfter, now, cancellationToken).ConfigureAwait(false);
                    return [];
                default:
                    return [];
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogStoreCrashed(logger, ex, source.Name);
            await FailAsync(source, StoredText.Of("feedError.storeCrashed"), null, now, cancellationToken).ConfigureAwait(false);
            return [];
        }
    }

    private FeedSource Succeeded(FeedSource source, DateTimeOffset now, string? etag, DateTimeOffset? lastModified, Uri? movedTo, TimeSpan? maxAge, TimeSpan? ttl)
    {
        if (movedTo is not null && movedTo.ToString() != source.FetchUrl)
        {
            LogMoved(logger, source.Name, movedTo);
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

    private async Task FailAsync(FeedSource source, string reason, TimeSpan? retryAfter, DateTimeOffset now, CancellationToken cancellationToken)
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
        LogFailed(logger, source.Name, failures, StoredText.InEnglish(reason));

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

        await SaveAsync(updated, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One disabling of the source: named by the attempt before the one that disabled it, so a later disabling (after the source was listed again) is another event.</summary>
    private static string DisabledEvent(FeedSource source) =>
        $"source-disabled:{source.Id.ToString(CultureInfo.InvariantCulture)}:{(source.LastAttemptAt?.ToUnixTimeMilliseconds() ?? 0).ToString(CultureInfo.InvariantCulture)}";

    private async Task SaveAsync(FeedSource source, CancellationToken cancellationToken) => await sources.SaveAsync(source, cancellationToken).ConfigureAwait(false);

    private static string ContentHash(byte[] content)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(content, digest);
        return Convert.ToHexStringLower(digest[..16]);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Fetching source {Source} failed unexpectedly")]
    private static partial void LogFetchCrashed(ILogger logger, Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} listed {Listed} items; only the newest {Taken} were taken (Feeds:MaxItemsPerRead)")]
    private static partial void LogItemsCapped(ILogger logger, string source, int listed, int taken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} changes its item ids; matching by link from now on")]
    private static partial void LogMatchingByLink(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing articles from source {Source} failed unexpectedly")]
    private static partial void LogStoreCrashed(ILogger logger, Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} has moved permanently to {Url}")]
    private static partial void LogMoved(ILogger logger, string source, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} failed ({Failures} in a row): {Reason}")]
    private static partial void LogFailed(ILogger logger, string source, int failures, string reason);
}
