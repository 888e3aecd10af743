namespace NewsBot.Platforms.Discord.Rest;

/// <summary>
/// Discord's REST rate limits as the response headers describe them. Each route starts in a
/// bucket of its own that lets one request through at a time; once Discord names the bucket
/// (<c>X-RateLimit-Bucket</c>), every route with that name and the same major parameter shares
/// one state, so two channels never wait for each other while one channel waits for its reset.
/// On top sits the global ceiling (requests per second) and, after a global 429, a pause for all.
/// Interaction callbacks skip the global checks, as Discord exempts them.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time, DiscordRestTuning tuning)
{
    private static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _hashByTemplate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _globalStarts = new();
    private DateTimeOffset _globalPauseUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// Waits until the route may send. An impatient caller (or a wait longer than
    /// <see cref="DiscordRestTuning.MaxRateLimitWait"/>) gets <see cref="DiscordRateLimitedException"/>
    /// instead of a wait. Dispose the lease after the response is read.
    /// </summary>
    public async Task<Lease> AcquireAsync(DiscordRoute route, bool patient, CancellationToken cancellationToken)
    {
        Bucket bucket;
        while (true)
        {
            bucket = Resolve(route);
            await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (bucket.MovedTo is null)
            {
                break;
            }

            // Discord named this route's bucket while we queued: join the shared one.
            bucket.Gate.Release();
        }

        try
        {
            for (var wait = BucketWait(bucket); wait > TimeSpan.Zero; wait = BucketWait(bucket))
            {
                ThrowIfTooLong(route, wait, patient, global: false);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            if (!route.IsInteractionCallback)
            {
                await WaitForGlobalAsync(route, patient, cancellationToken).ConfigureAwait(false);
            }

            return new Lease(this, route, bucket);
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    /// <summary>Stops every request (except interaction callbacks) for <paramref name="wait"/>.</summary>
    public void PauseAll(TimeSpan wait)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + wait;
            if (until > _globalPauseUntil)
            {
                _globalPauseUntil = until;
            }
        }
    }

    private Bucket Resolve(DiscordRoute route)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            var id = _hashByTemplate.TryGetValue(route.Template, out var hash) ? hash + "|" + route.Major : "route|" + route.Key;
            if (!_buckets.TryGetValue(id, out var bucket))
            {
                _buckets[id] = bucket = new Bucket(id);
            }

            bucket.LastUsed = now;
            return bucket;
        }
    }

    private TimeSpan BucketWait(Bucket bucket)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (bucket.Remaining > 0 || now >= bucket.ResetAt)
            {
                if (now >= bucket.ResetAt && bucket.Limit is { } limit)
                {
                    bucket.Remaining = limit;
                }

                bucket.Remaining = Math.Max(0, bucket.Remaining - 1);
                return TimeSpan.Zero;
            }

            return bucket.ResetAt - now;
        }
    }

    private async Task WaitForGlobalAsync(DiscordRoute route, bool patient, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            bool paused;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                paused = _globalPauseUntil > now;
                if (paused)
                {
                    wait = _globalPauseUntil - now;
                }
                else
                {
                    while (_globalStarts.Count > 0 && now - _globalStarts.Peek() >= GlobalWindow)
                    {
                        _globalStarts.Dequeue();
                    }

                    if (_globalStarts.Count < tuning.GlobalRequestsPerSecond)
                    {
                        _globalStarts.Enqueue(now);
                        return;
                    }

                    wait = _globalStarts.Peek() + GlobalWindow - now;
                }
            }

            // Keeping under the per-second ceiling is a short wait for anyone; a pause Discord
            // ordered is the caller's to decide.
            if (paused)
            {
                ThrowIfTooLong(route, wait, patient, global: true);
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ThrowIfTooLong(DiscordRoute route, TimeSpan wait, bool patient, bool global)
    {
        if (!patient || wait > tuning.MaxRateLimitWait)
        {
            throw new DiscordRateLimitedException(wait, global, route.Template);
        }
    }

    private void Complete(DiscordRoute route, Bucket bucket, RateLimitHeaders? headers)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var target = bucket;
            if (headers?.Bucket is { Length: > 0 } hash)
            {
                _hashByTemplate[route.Template] = hash;
                var id = hash + "|" + route.Major;
                if (!string.Equals(bucket.Id, id, StringComparison.Ordinal))
                {
                    if (!_buckets.TryGetValue(id, out var shared))
                    {
                        _buckets[id] = shared = new Bucket(id);
                    }

                    _buckets.Remove(bucket.Id);
                    bucket.MovedTo = shared;
                    target = shared;
                }
            }

            if (headers is null)
            {
                return;
            }

            if (headers.Limit is { } limit)
            {
                target.Limit = limit;
            }

            if (headers.Remaining is { } remaining)
            {
                target.Remaining = remaining;
            }

            if (headers.ResetAfter is { } resetAfter)
            {
                target.ResetAt = now + resetAfter;
            }

            if (headers.RouteRetryAfter is { } retryAfter)
            {
                target.Remaining = 0;
                target.ResetAt = now + retryAfter;
            }

            target.LastUsed = now;
        }
    }

    /// <summary>Forgets buckets unused for a minute past their reset, so the map does not grow with every channel ever seen.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + IdleBucketLifetime;
        foreach (var (id, bucket) in _buckets.ToList())
        {
            var idleSince = bucket.LastUsed > bucket.ResetAt ? bucket.LastUsed : bucket.ResetAt;
            if (now - idleSince > IdleBucketLifetime && bucket.Gate.CurrentCount == 1)
            {
                _buckets.Remove(id);
            }
        }
    }

    /// <summary>What a response said about its bucket; <see cref="RouteRetryAfter"/> is set for a route 429.</summary>
    public sealed record RateLimitHeaders(string? Bucket, int? Limit, int? Remaining, TimeSpan? ResetAfter, TimeSpan? RouteRetryAfter = null);

    /// <summary>The right to send one request on a bucket; completing it records what the response said.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly DiscordRateLimiter _limiter;
        private readonly DiscordRoute _route;
        private readonly Bucket _bucket;
        private bool _done;

        internal Lease(DiscordRateLimiter limiter, DiscordRoute route, Bucket bucket)
        {
            _limiter = limiter;
            _route = route;
            _bucket = bucket;
        }

        public void Complete(RateLimitHeaders? headers)
        {
            if (_done)
            {
                return;
            }

            _done = true;
            _limiter.Complete(_route, _bucket, headers);
            _bucket.Gate.Release();
        }

        public void Dispose() => Complete(null);
    }

    internal sealed class Bucket(string id)
    {
        public string Id { get; } = id;

        /// <summary>One request at a time per bucket: the next one needs this one's headers.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int? Limit { get; set; }

        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset LastUsed { get; set; }

        public Bucket? MovedTo { get; set; }
    }
}
