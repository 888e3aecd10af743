using System.Diagnostics;
using NewsBot.Core.Search;

namespace NewsBot.Hosting;

/// <summary>
/// Fills the in-memory index from the database before anything else starts. On LiteDB it starts
/// from the index image written at the last stop (<see cref="IndexImageFile"/>) when there is
/// one for this database, reading from the store only what changed since; it writes a new image
/// when it stops, and after a start that had to read much from the store.
/// </summary>
/// <remarks>
/// The image is LiteDB's alone. Its key lives in the database, paired with one file beside it;
/// on PostgreSQL several instances share the database, each with an image of its own, and one
/// key cannot vouch for them all. There the articles are read from the server as before.
/// </remarks>
internal sealed class ArticleIndexLoader(IArticleStore articles, ArticleIngestor ingestor, ArticleIndex index, ILogger<ArticleIndexLoader> logger) : IHostedService
{
    private Task _writing = Task.CompletedTask;
    private bool _filled;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (articles is LiteDbArticleStore lite)
        {
            var fill = Fill(lite, IndexImageFile.Beside(lite.DatabasePath), index);
            if (!fill.OwnInstance)
            {
                // Harmless, but the pages read stay in LiteDB's cache: something used the database first.
                logger.LogReadThroughSharedInstance();
            }

            if (fill.ImageNotUsed is { } whyNot)
            {
                logger.LogImageNotUsed(whyNot);
            }
            else
            {
                logger.LogIndexRestored(fill.FromImage, fill.Read);
            }

            _filled = true;
            if (fill.WorthWritingImage)
            {
                // So that a start after a crash need not read everything again; the app does not wait.
                _writing = Task.Run(() => WriteImage(lite, index, logger), CancellationToken.None);
            }
        }
        else
        {
            // A database server streams the rows; they are indexed on this thread as they arrive.
            await Task.Run(() => ingestor.LoadIndex(articles.ReadAllAsync(cancellationToken).ToBlockingEnumerable(cancellationToken)), cancellationToken).ConfigureAwait(false);
        }

        logger.LogArticlesIndexed(index.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _writing.ConfigureAwait(false);
        if (_filled && articles is LiteDbArticleStore lite)
        {
            // This runs after every service that writes articles has stopped (hosted services stop
            // in reverse order). An image that misses a late change is still right: the next start
            // reads from the store whatever the image does not hold as stored.
            try
            {
                await Task.Run(() => WriteImage(lite, index, logger), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                logger.LogImageWriteCutShort();
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="index"/> from <paramref name="articles"/>: from the image when it
    /// is this database's and most articles are in it as stored, the rest from the store.
    /// LiteDB reads through a short-lived instance of its own, so the pages it pulls in do not stay
    /// cached for the life of the process; a full read runs on a thread of its own while this
    /// one indexes. When every article is to be read, the database file is first streamed into the
    /// operating system's file cache ahead of LiteDB (<see cref="FileCacheWarmer"/>), unless
    /// <paramref name="warmFileCache"/> is false.
    /// </summary>
    public static StartFill Fill(LiteDbArticleStore articles, IndexImageFile image, ArticleIndex index, bool warmFileCache = true)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(index);
        var fill = new StartFill(0, 0, null, true);

        // Without an image every page is read; with one, only a few, and the warm-up would be in the way.
        FileCacheWarmer? warmer = null;
        if (warmFileCache && !File.Exists(image.Path))
        {
            warmer = FileCacheWarmer.Start(articles.DatabasePath);
        }

        using var warming = warmer;
        var ownInstance = articles.ReadAtStart(read =>
        {
            string? whyNot;
            using (var file = image.Open(read.ImageKey, out whyNot))
            {
                if (file is not null && TryRestore(file, read, index, out whyNot) is { } restored)
                {
                    fill = new StartFill(restored.FromImage, restored.Read, null, true);
                    return;
                }
            }

            index.AddRange(ReadAhead.Of(read.ForIndex()));
            fill = new StartFill(0, index.Count, whyNot, true);
        });
        return fill with { OwnInstance = ownInstance };
    }

    /// <summary>Writes the index's image beside the database, then tells the database its key.</summary>
    /// <returns>False when it could not be written (logged); the next start then reads the store.</returns>
    public static bool WriteImage(LiteDbArticleStore lite, ArticleIndex index, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(lite);
        ArgumentNullException.ThrowIfNull(index);
        var started = Stopwatch.GetTimestamp();
        var file = IndexImageFile.Beside(lite.DatabasePath);
        try
        {
            var key = file.Write(index.WriteImage);
            lite.SetImageKey(key);
            logger.LogImageWritten(index.Count, new FileInfo(file.Path).Length / 1_000_000.0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException or ObjectDisposedException)
        {
            logger.LogImageNotWritten(file.Path, ex.Message);
            return false;
        }
    }

    private static ImageRestore? TryRestore(FileStream file, LiteDbIndexRead read, ArticleIndex index, out string? whyNot)
    {
        IndexImage image;
        try
        {
            image = IndexImage.Read(file);
        }
        catch (InvalidDataException ex)
        {
            whyNot = ex.Message;
            return null;
        }

        // Reading an article by its id costs about twice what it costs in a full read in order.
        var stored = read.Keys();
        var restored = index.Restore(image, stored, read.ByIds, mostToRead: stored.Count / 3);
        whyNot = restored is null ? "too many articles changed since it was written" : null;
        return restored;
    }
}

/// <summary>How the index was filled at start: articles taken from the image, articles read from the store, and why the image was not used.</summary>
internal sealed record StartFill(int FromImage, int Read, string? ImageNotUsed, bool OwnInstance)
{
    /// <summary>When a crash now would cost the next start much reading: no image was used, or a fair share was read.</summary>
    public bool WorthWritingImage => Read > 0 && (ImageNotUsed is not null || Read > (FromImage + Read) / 20);
}
