namespace NewsBot.Core.Subscriptions;

/// <summary>A chat's standing request for new articles on a topic or matching a query.</summary>
/// <param name="Query">The topic name, or the keyword query as it was typed (cleaned).</param>
/// <param name="DailyAt">For digests: the local time of day in the chat's time zone.</param>
public sealed record Subscription(
    int Id,
    string ChatKey,
    SubscriptionKind Kind,
    string Query,
    DeliveryMode Mode,
    TimeOnly? DailyAt,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>Silent delivery and the role to mention; set with <c>/subscriptions &lt;n&gt; silent|ping</c>.</summary>
    public PushOptions Options { get; init; } = PushOptions.Default;
}
