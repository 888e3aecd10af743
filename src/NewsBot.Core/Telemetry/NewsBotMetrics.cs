using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsBot.Core.Telemetry;

/// <summary>
/// The bot's own instruments, named after the OpenTelemetry conventions (dotted lower-case names,
/// units in UCUM, <c>{thing}</c> for counts). Every part of the bot records here; the monitoring
/// listener exports them, and nothing is kept when nobody listens.
/// </summary>
public sealed class NewsBotMetrics
{
    public const string MeterName = "NewsBot";

    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _feedFetches;
    private readonly Counter<long> _articlesIngested;
    private readonly Counter<long> _sends;
    private readonly Counter<long> _rateLimitHits;
    private readonly Counter<double> _rateLimitWait;
    private readonly Counter<long> _gatewayReconnects;

    public NewsBotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _commandDuration = Meter.CreateHistogram(
            "newsbot.command.duration", "s", "Time to answer a chat command, by command and outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _feedFetches = Meter.CreateCounter<long>("newsbot.feed.fetches", "{fetch}", "Feed reads, by outcome: 200, 304 or the kind of error");
        _articlesIngested = Meter.CreateCounter<long>("newsbot.articles.ingested", "{article}", "New articles stored");
        _sends = Meter.CreateCounter<long>("newsbot.sends", "{message}", "Pushes handed to a platform, by platform and outcome");
        _rateLimitHits = Meter.CreateCounter<long>("newsbot.rate_limit.hits", "{response}", "Answers asking the bot to slow down (HTTP 429), by platform and scope");
        _rateLimitWait = Meter.CreateCounter<double>("newsbot.rate_limit.wait", "s", "Time the platforms asked the bot to wait, by platform");
        _gatewayReconnects = Meter.CreateCounter<long>("newsbot.gateway.reconnects", "{reconnect}", "Gateway connections opened again after a drop, by platform");
    }

    /// <summary>The meter every instrument belongs to; observers tell this bot's meter from others' by reference.</summary>
    public Meter Meter { get; }

    public void CommandAnswered(string command, string outcome, TimeSpan elapsed) =>
        _commandDuration.Record(elapsed.TotalSeconds, new TagList { { "command", command }, { "outcome", outcome } });

    /// <param name="outcome">"200", "304", or a short error kind such as "timeout" or "http_404".</param>
    public void FeedFetched(string outcome) => _feedFetches.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ArticlesIngested(int count)
    {
        if (count > 0)
        {
            _articlesIngested.Add(count);
        }
    }

    /// <param name="outcome">One of <see cref="SendOutcomes"/>.</param>
    public void Sent(string platform, string outcome) =>
        _sends.Add(1, new TagList { { "platform", platform }, { "outcome", outcome } });

    public void RateLimited(string platform, bool global, TimeSpan wait)
    {
        _rateLimitHits.Add(1, new TagList { { "platform", platform }, { "scope", global ? "bot" : "chat" } });
        if (wait > TimeSpan.Zero)
        {
            _rateLimitWait.Add(wait.TotalSeconds, new KeyValuePair<string, object?>("platform", platform));
        }
    }

    public void GatewayReconnected(string platform) => _gatewayReconnects.Add(1, new KeyValuePair<string, object?>("platform", platform));

    /// <summary>The outcome tag of <c>newsbot.sends</c>.</summary>
    public static class SendOutcomes
    {
        public const string Sent = "sent";
        public const string RateLimited = "rate_limited";
        public const string Retry = "retry";
        public const string Failed = "failed";
        public const string Unreachable = "unreachable";
    }

    /// <summary>The outcome tag of <c>newsbot.command.duration</c>.</summary>
    public static class CommandOutcomes
    {
        public const string Answered = "answered";
        public const string Unknown = "unknown";
        public const string Refused = "refused";
        public const string Failed = "failed";
    }
}
