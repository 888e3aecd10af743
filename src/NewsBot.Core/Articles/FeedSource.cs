namespace NewsBot.Core.Articles;

/// <summary>A feed the bot reads, with its health.</summary>
public sealed record FeedSource(
    int Id,
    string Name,
    string Url,
    IReadOnlyList<string> Topics,
    bool Enabled,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    int ConsecutiveFailures,
    int ItemCount,
    DateTimeOffset? NextPollAt)
{
    public bool IsHealthy => Enabled && LastError is null;
}
