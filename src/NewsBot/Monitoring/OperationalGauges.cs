using System.Diagnostics.Metrics;

namespace NewsBot.Monitoring;

/// <summary>
/// The gauges read from the database when scraped: pending outbox entries by kind, and sources
/// by health. A scrape reuses a reading up to <see cref="Freshness"/> old, so frequent scrapes
/// of a large outbox cost one count, not one per scrape.
/// </summary>
internal sealed class OperationalGauges
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly IOutboxFigures _outbox;
    private readonly ISourceFigures _sources;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private (long At, IReadOnlyDictionary<string, int> Values)? _pending;
    private (long At, IReadOnlyDictionary<string, int> Values)? _health;

    private readonly IHostApplicationLifetime _lifetime;

    public OperationalGauges(NewsBotMetrics metrics, IOutboxFigures outbox, ISourceFigures sources, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        _lifetime = lifetime;
        _outbox = outbox;
        _sources = sources;
        _time = time;
        metrics.Meter.CreateObservableGauge("newsbot.outbox.pending", () => Measure(ref _pending, _outbox.PendingByKind, "kind"), "{message}", "Outbox entries waiting to be sent, by kind");
        metrics.Meter.CreateObservableGauge("newsbot.sources", () => Measure(ref _health, _sources.ByHealth, "state"), "{source}", "Feed sources by state: healthy, failing or disabled");
    }

    private List<Measurement<int>> Measure(ref (long At, IReadOnlyDictionary<string, int> Values)? cache, Func<IReadOnlyDictionary<string, int>> read, string tag)
    {
        // Until start-up is done the database belongs to the start-up read of every article.
        if (!_lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return [];
        }

        IReadOnlyDictionary<string, int> values;
        lock (_lock)
        {
            if (cache is not { } cached || _time.GetElapsedTime(cached.At) > Freshness)
            {
                cache = (_time.GetTimestamp(), read());
            }

            values = cache.Value.Values;
        }

        return values.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>(tag, pair.Key))).ToList();
    }
}
