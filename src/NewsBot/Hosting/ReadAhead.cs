using System.Runtime.ExceptionServices;

namespace NewsBot.Hosting;

/// <summary>
/// Enumerates a sequence on a thread of its own, at most a few batches ahead of the consumer,
/// so that producing the items and consuming them overlap. At start this lets LiteDB read and
/// map the articles while the index is built from the ones already read.
/// </summary>
internal static class ReadAhead
{
    /// <summary>
    /// The items of <paramref name="source"/>, in order. <paramref name="source"/> is enumerated
    /// from start to end on one dedicated thread (LiteDB ties a query to the thread that runs
    /// it); its exception reaches the consumer. When the consumer stops early or fails, the
    /// producer stops too, and it has always finished by the time the consumer's enumeration is
    /// disposed, so nothing touches the source afterwards.
    /// </summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int batchSize = 256, int batchesAhead = 16)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchesAhead, 1);
        return Iterate(source, batchSize, batchesAhead);
    }

    private static IEnumerable<T> Iterate<T>(IEnumerable<T> source, int batchSize, int batchesAhead)
    {
        using var queue = new BlockingCollection<ArraySegment<T>>(batchesAhead);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                var batch = new T[batchSize];
                var count = 0;
                foreach (var item in source)
                {
                    batch[count++] = item;
                    if (count == batchSize)
                    {
                        queue.Add(new ArraySegment<T>(batch), stop.Token);
                        batch = new T[batchSize];
                        count = 0;
                    }
                }

                if (count > 0)
                {
                    queue.Add(new ArraySegment<T>(batch, 0, count), stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped; nobody wants the rest.
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "NewsBot read-ahead",
        };

        producer.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }

        failure?.Throw();
    }
}
