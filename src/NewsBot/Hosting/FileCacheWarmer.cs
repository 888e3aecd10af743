namespace NewsBot.Hosting;

/// <summary>
/// Reads a file from start to end on a thread of its own, in large blocks, and throws the bytes
/// away: the operating system keeps them in its file cache. A first start reads every article
/// out of LiteDB, which asks for one 8 KB page at a time; from a cold cache each is a wait on
/// the disk, while one reader streaming the file ahead of it turns those into cache hits. The
/// cache is the operating system's, not this process's memory.
/// </summary>
internal sealed class FileCacheWarmer : IDisposable
{
    private const int BlockSize = 1 << 20;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private FileCacheWarmer(string path)
    {
        _reading = Task.Factory.StartNew(() => Read(path, _stop.Token), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Starts reading <paramref name="path"/>; nothing when there is no such file.</summary>
    public static FileCacheWarmer? Start(string path) => File.Exists(path) ? new FileCacheWarmer(path) : null;

    /// <summary>Stops reading, when the reader it ran ahead of is done.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _reading.Wait();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            // Stopped before the end of the file: the rest was not needed.
        }

        _stop.Dispose();
    }

    private static void Read(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                BufferSize = 0,
                Options = FileOptions.SequentialScan,
            });
            var block = new byte[BlockSize];
            while (!cancellationToken.IsCancellationRequested && file.Read(block) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a head start: LiteDB reads the file itself and reports what is wrong with it.
        }
    }
}
