namespace NewsBot.Core.Subscriptions;

/// <summary>The answer to a confirm or cancel: the preview's state and, when it has one, the subscription it made.</summary>
public sealed record PreviewClaim(PreviewState State, PendingSubscription? Pending = null, int? SubscriptionId = null);
