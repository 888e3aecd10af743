namespace NewsBot.Tests.Fakes;

/// <summary>Answers GET /gateway/bot without HTTP: the fake gateway's URL and a session start budget the test sets.</summary>
internal sealed class FakeGatewayBotSource(Uri url) : IGatewayBotSource
{
    private int _calls;
    private Exception? _failNext;

    public SessionStartLimit Limit { get; set; } = new(Remaining: 1000, ResetAfter: TimeSpan.Zero, MaxConcurrency: 1);

    public Uri Url { get; set; } = url;

    /// <summary>The shard count Discord recommends.</summary>
    public int Shards { get; set; } = 1;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Thrown by the next call instead of answering.</summary>
    public Exception? FailNext
    {
        get => Volatile.Read(ref _failNext);
        set => Volatile.Write(ref _failNext, value);
    }

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Interlocked.Exchange(ref _failNext, null) is { } failure)
        {
            return Task.FromException<GatewayBotInfo>(failure);
        }

        return Task.FromResult(new GatewayBotInfo(Url, Limit, Shards));
    }
}
