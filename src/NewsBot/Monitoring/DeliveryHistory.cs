using System.Diagnostics.Metrics;

namespace NewsBot.Monitoring;

/// <summary>
/// The last hour of delivery, one point a minute: messages accepted by the platforms and the
/// outbox's pending entries. It listens to this bot's own <c>newsbot.sends</c> instrument (not
/// to a meter of the same name elsewhere in the process), and remembers when each platform last
/// had a send attempt settle, which tells a busy outbox from a stuck one.
/// </summary>
internal sealed class DeliveryHistory : BackgroundService
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(1);
    public const int Points = 60;

    private readonly MeterListener _listener = new();
    private readonly IOutboxStore _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryHistory> _logger;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSettled = new(StringComparer.Ordinal);
    private readonly Queue<HistoryPoint> _points = new();
    private readonly Lock _pointsLock = new();
    private long _sentSinceSample;

    public DeliveryHistory(NewsBotMetrics metrics, IOutboxStore outbox, TimeProvider time, ILogger<DeliveryHistory> logger)
    {
        _outbox = outbox;
        _time = time;
        _logger = logger;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument.Name == "newsbot.sends")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnSend);
        _listener.Start();
    }

    /// <summary>Oldest first; at most <see cref="Points"/>.</summary>
    public IReadOnlyList<HistoryPoint> Snapshot()
    {
        lock (_pointsLock)
        {
            return [.. _points];
        }
    }

    /// <summary>When a send to <paramref name="platform"/> last came back with any outcome; null if none since start.</summary>
    public DateTimeOffset? LastSettled(string platform) => _lastSettled.TryGetValue(platform, out var at) ? at : null;

    /// <summary>Takes one point now: the messages accepted since the last point and the outbox's pending entries.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var sent = Interlocked.Exchange(ref _sentSinceSample, 0);
        int pending;
        try
        {
            pending = await _outbox.CountPendingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogSampleFailed(ex);
            pending = -1;
        }

        lock (_pointsLock)
        {
            _points.Enqueue(new HistoryPoint((int)sent, pending));
            while (_points.Count > Points)
            {
                _points.Dequeue();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Step, _time);
        try
        {
            do
            {
                await SampleAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the history lives in memory only.
        }
    }

    public override void Dispose()
    {
        _listener.Dispose();
        base.Dispose();
    }

    private void OnSend(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? platform = null;
        string? outcome = null;
        foreach (var (key, tag) in tags)
        {
            if (key == "platform")
            {
                platform = tag as string;
            }
            else if (key == "outcome")
            {
                outcome = tag as string;
            }
        }

        if (platform is not null)
        {
            _lastSettled[platform] = _time.GetUtcNow();
        }

        if (outcome == NewsBotMetrics.SendOutcomes.Sent)
        {
            Interlocked.Add(ref _sentSinceSample, value);
        }
    }
}

/// <summary>One minute of delivery: messages accepted during the minute before, and pending entries then (-1 when the count failed).</summary>
internal sealed record HistoryPoint(int Sent, int Pending);
