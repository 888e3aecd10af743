using NewsBot.Platforms.Discord.Gateway;

namespace NewsBot.Tests.Fakes;

/// <summary>Answers GET /gateway/bot without HTTP: the fake gateway's URL and a session start budget the test sets.</summary>
internal sealed class FakeGatewayBotSource(Uri url) : IGatewayBotSource
{
    private int _calls;

    public SessionStartLimit Limit { get; set; } = new(Total: 1000, Remaining: 1000, ResetAfter: TimeSpan.Zero, MaxConcurrency: 1);

    public Uri Url { get; set; } = url;

    public int Calls => Volatile.Read(ref _calls);

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new GatewayBotInfo(Url, 1, Limit));
    }
}
