namespace NewsBot.Core.Subscriptions;

/// <summary>A subscription shown in a preview and waiting for its asker to confirm it.</summary>
/// <param name="Id">The number the Subscribe button and <c>/subscribe confirm &lt;n&gt;</c> carry.</param>
public sealed record PendingSubscription(
    int Id,
    string ChatKey,
    string UserKey,
    SubscriptionKind Kind,
    string Query,
    DeliveryMode Mode,
    TimeOnly? DailyAt,
    DateTimeOffset ExpiresAt);
