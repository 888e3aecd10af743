namespace NewsBot.Core.Commands;

/// <summary>What the rate limit says about one more command from a person.</summary>
public enum RateDecision
{
    /// <summary>Answer it.</summary>
    Allowed,

    /// <summary>Over the limit: tell them once to slow down.</summary>
    SlowDown,

    /// <summary>Still over the limit after being told: say nothing.</summary>
    Ignore,
}

/// <summary>
/// A token bucket per person: <see cref="NewsBotOptions.CommandBurst"/> commands at once, then
/// <see cref="NewsBotOptions.CommandsPerMinute"/>. One person sending commands as fast as they
/// can gets one "slow down" and then silence until the bucket refills, so nobody can keep the
/// bot busy for everyone else. The terminal (the operator's own) and the bot's admins are not
/// limited.
/// </summary>
public sealed class CommandRateLimiter(TimeProvider time, IOptions<NewsBotOptions> options)
{
    // Full buckets say nothing a missing one would not: they are dropped now and then.
    private const int SweepEvery = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<UserAddress, Bucket> _buckets = [];
    private int _sinceSweep;

    public RateDecision Take(UserAddress user, bool isBotAdmin)
    {
        var settings = options.Value;
        if (isBotAdmin || user.Platform == PlatformNames.Terminal || settings.CommandsPerMinute <= 0)
        {
            return RateDecision.Allowed;
        }

        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (++_sinceSweep >= SweepEvery)
            {
                Sweep(now, settings);
            }

            if (!_buckets.TryGetValue(user, out var bucket))
            {
                bucket = new Bucket { Tokens = settings.CommandBurst, At = now };
                _buckets[user] = bucket;
            }

            Refill(bucket, now, settings);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens--;
                bucket.Warned = false;
                return RateDecision.Allowed;
            }

            if (bucket.Warned)
            {
                return RateDecision.Ignore;
            }

            bucket.Warned = true;
            return RateDecision.SlowDown;
        }
    }

    private void Refill(Bucket bucket, long now, NewsBotOptions settings)
    {
        var minutes = time.GetElapsedTime(bucket.At, now).TotalMinutes;
        bucket.Tokens = Math.Min(settings.CommandBurst, bucket.Tokens + (minutes * settings.CommandsPerMinute));
        bucket.At = now;
    }

    private void Sweep(long now, NewsBotOptions settings)
    {
        _sinceSweep = 0;
        foreach (var (user, bucket) in _buckets)
        {
            Refill(bucket, now, settings);
            if (bucket.Tokens >= settings.CommandBurst)
            {
                _buckets.Remove(user);
            }
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long At { get; set; }

        public bool Warned { get; set; }
    }
}
