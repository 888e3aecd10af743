namespace NewsBot.Core.Subscriptions;

public enum SubscriptionKind
{
    Topic,
    Keywords,
}
