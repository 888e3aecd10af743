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

        public ValueTask MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Writing.Set();
            Release.Wait(cancellationToken);
            Writes.Add([.. ids]);
            Times.Add(at);
            return ValueTask.CompletedTask;
        }

        public void Dispose()
        {
            Writing.Dispose();
            Release.Dispose();
        }

        public ValueTask<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<OutboxEntry>> DueAsync(string platform, DateTimeOffset now, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask RescheduleAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, string? error, bool countAttempt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask DropAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask FailAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<int> DropPendingAsync(string chatKey, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<int> ReleasePendingAsync(string chatKey, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<OutboxEntry?> FindAsync(string chatKey, int storyId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<int> CountPendingAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<OutboxCounts> CountForAsync(OutboxKind kind, string reference, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<int> PlannedThroughAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<int> EnqueuePlannedAsync(IReadOnlyList<OutboxEntry> entries, int plannedThroughArticleId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<(string ChatKey, IReadOnlyList<int> StoryIds, DateTimeOffset CreatedAt)> StoriesQueuedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<int> DeleteFinishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
