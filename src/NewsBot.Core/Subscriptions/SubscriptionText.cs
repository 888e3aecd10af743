namespace NewsBot.Core.Subscriptions;

/// <summary>How a subscription reads in lists and confirmations.</summary>
public static class SubscriptionText
{
    public static string Describe(Subscription subscription, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get("subscription.describe", ("what", What(subscription, texts)), ("when", When(subscription, texts)));
    }

    /// <summary>"topic technology" or "words "solar power" -stocks".</summary>
    public static string What(Subscription subscription, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(texts);
        return subscription.Kind == SubscriptionKind.Topic
            ? texts.Get("subscription.topic", ("topic", texts.Topic(subscription.Query)))
            : texts.Get("subscription.words", ("query", subscription.Query));
    }

    /// <summary>What the subscription follows, as a heading shows it: the topic's name, or the words.</summary>
    public static string Name(Subscription subscription, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(texts);
        return subscription.Kind == SubscriptionKind.Topic ? texts.Topic(subscription.Query) : subscription.Query;
    }

    /// <summary>What two subscriptions share when they ask for the same thing, however it was typed.</summary>
    public static string MatchKey(SubscriptionKind kind, string query) =>
        kind == SubscriptionKind.Topic ? "topic:" + TopicNames.Normalize(query) : "words:" + SearchQuery.Parse(query).ToString();

    public static string When(Subscription subscription, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(texts);
        return subscription.Mode == DeliveryMode.Daily && subscription.DailyAt is { } at
            ? texts.Get("subscription.daily", ("time", texts.Clock(at)))
            : texts.Get("subscription.instant");
    }
}
