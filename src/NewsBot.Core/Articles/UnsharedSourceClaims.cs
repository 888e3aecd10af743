namespace NewsBot.Core.Articles;

/// <summary>Claims for one process alone on its database: every due source is its own, so nothing needs recording.</summary>
public sealed class UnsharedSourceClaims(ISourceStore sources) : ISourceClaims
{
    public async ValueTask<IReadOnlyList<FeedSource>> ClaimDueAsync(string owner, DateTimeOffset now, int limit, TimeSpan claimFor, CancellationToken cancellationToken) =>
        (await sources.AllAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.Enabled && !s.Paused && (s.NextPollAt is null || s.NextPollAt <= now))
            .OrderBy(s => s.NextPollAt ?? DateTimeOffset.MinValue)
            .ThenBy(s => s.Id)
            .Take(limit)
            .ToList();
}
