namespace NewsBot.Core.Subscriptions;

/// <summary>How a subscription reads in lists and confirmations.</summary>
public static class SubscriptionText
{
    public static string Describe(Subscription subscription)
    {
        var what = subscription.Kind == SubscriptionKind.Topic
            ? $"topic {subscription.Query}"
            : $"words {subscription.Query}";
        return $"{what}, {When(subscription)}";
    }

    /// <summary>What two subscriptions share when they ask for the same thing, however it was typed.</summary>
    public static string MatchKey(SubscriptionKind kind, string query) =>
        kind == SubscriptionKind.Topic ? "topic:" + TopicNames.Normalize(query) : "words:" + SearchQuery.Parse(query).ToString();

    public static string When(Subscription subscription) =>
        subscription.Mode == DeliveryMode.Daily && subscription.DailyAt is { } at
            ? "daily digest at " + at.ToString("HH:mm", CultureInfo.InvariantCulture)
            : "as they arrive";
}
