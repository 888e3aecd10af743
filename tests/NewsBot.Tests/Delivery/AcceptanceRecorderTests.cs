using NewsBot.Core.Delivery;

namespace NewsBot.Tests.Delivery;

/// <summary>Acceptances that arrive while one is being written go together in the next write; none waits for company.</summary>
public sealed class AcceptanceRecorderTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly HeldWrites _outbox = new();

    public void Dispose() => _outbox.Dispose();

    [Fact]
    public async Task AcceptancesArrivingDuringAWrite_AreRecordedTogetherInTheNextWrite()
    {
        var recorder = new AcceptanceRecorder(_outbox);

        var first = Task.Run(() => recorder.RecordAsync([1], At));
        _outbox.Writing.Wait();
        var second = recorder.RecordAsync([2], At.AddMilliseconds(1));
        var third = recorder.RecordAsync([3, 4], At.AddMilliseconds(2));
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);

        _outbox.Release.Set();
        await first;
        await Task.WhenAll(second, third);

        Assert.Equal([[1L], [2L, 3L, 4L]], _outbox.Writes);
        Assert.Equal([At, At.AddMilliseconds(2)], _outbox.Times);
    }

    [Fact]
    public async Task AnAcceptanceAlone_IsWrittenAtOnce()
    {
        _outbox.Release.Set();
        var recorder = new AcceptanceRecorder(_outbox);

        await recorder.RecordAsync([7], At);
        await recorder.RecordAsync([8], At);

        Assert.Equal([[7L], [8L]], _outbox.Writes);
    }

    /// <summary>Records each MarkSent; the first one waits for <see cref="Release"/>.</summary>
    private sealed class HeldWrites : IOutboxStore, IDisposable
    {
        public ManualResetEventSlim Writing { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public List<List<long>> Writes { get; } = [];

        public List<DateTimeOffset> Times { get; } = [];

        public void MarkSent(IReadOnlyCollection<long> ids, DateTimeOffset at)
        {
            Writing.Set();
            Release.Wait();
            Writes.Add([.. ids]);
            Times.Add(at);
        }

        public void Dispose()
        {
            Writing.Dispose();
            Release.Dispose();
        }

        public int Enqueue(IReadOnlyList<OutboxEntry> entries) => throw new NotSupportedException();

        public IReadOnlyList<OutboxEntry> Due(string platform, DateTimeOffset now, int limit) => throw new NotSupportedException();

        public void Reschedule(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt) => throw new NotSupportedException();

        public void Drop(IReadOnlyCollection<long> ids, string reason) => throw new NotSupportedException();

        public void Fail(IReadOnlyCollection<long> ids, string reason) => throw new NotSupportedException();

        public int DropPending(string chatKey, string reason) => throw new NotSupportedException();

        public OutboxEntry? Find(string chatKey, int storyId) => throw new NotSupportedException();

        public int CountPending() => throw new NotSupportedException();

        public OutboxCounts CountFor(OutboxKind kind, string reference) => throw new NotSupportedException();

        public int PlannedThrough() => throw new NotSupportedException();

        public int EnqueuePlanned(IReadOnlyList<OutboxEntry> entries, int plannedThroughArticleId) => throw new NotSupportedException();

        public IEnumerable<(string ChatKey, IReadOnlyList<int> StoryIds, DateTimeOffset CreatedAt)> StoriesQueuedSince(DateTimeOffset since) => throw new NotSupportedException();

        public int DeleteFinishedBefore(DateTimeOffset before) => throw new NotSupportedException();
    }
}
