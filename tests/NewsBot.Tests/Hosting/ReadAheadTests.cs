namespace NewsBot.Tests.Hosting;

public sealed class ReadAheadTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    [InlineData(10_001, 16)]
    public void Of_AnySequence_YieldsEveryItemInOrder(int count, int batchSize)
    {
        var items = Enumerable.Range(0, count).ToList();

        Assert.Equal(items, ReadAhead.Of(items, batchSize, batchesAhead: 2).ToList());
    }

    [Fact]
    public void Of_Source_IsEnumeratedWhollyOnAnotherThread()
    {
        var threads = new HashSet<int>();
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 1_000; i++)
            {
                lock (threads)
                {
                    threads.Add(Environment.CurrentManagedThreadId);
                }

                yield return i;
            }
        }

        var consumer = Environment.CurrentManagedThreadId;
        _ = ReadAhead.Of(Source(), batchSize: 10, batchesAhead: 1).ToList();

        var producer = Assert.Single(threads);
        Assert.NotEqual(consumer, producer);
    }

    [Fact]
    public void Of_SourceFails_TheConsumerGetsTheErrorAfterTheItemsBeforeIt()
    {
        IEnumerable<int> Source()
        {
            yield return 1;
            yield return 2;
            throw new InvalidDataException("page 7 is damaged");
        }

        var seen = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in ReadAhead.Of(Source(), batchSize: 1))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("page 7 is damaged", error.Message);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void Of_ConsumerStopsEarly_TheProducerHasStoppedWhenTheEnumerationIsDisposed()
    {
        var produced = 0;
        var finished = false;
        IEnumerable<int> Endless()
        {
            try
            {
                while (true)
                {
                    Interlocked.Increment(ref produced);
                    yield return produced;
                }
            }
            finally
            {
                finished = true;
            }
        }

        foreach (var item in ReadAhead.Of(Endless(), batchSize: 8, batchesAhead: 2))
        {
            if (item == 20)
            {
                break;
            }
        }

        // The read-ahead is bounded: a few batches beyond what was taken, then the source is let go.
        Assert.True(Volatile.Read(ref finished));
        Assert.True(produced <= 20 + (8 * 4), $"produced {produced} items for a consumer that took 20");
    }
}
