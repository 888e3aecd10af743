namespace NewsBot.Core.Subscriptions;

public enum DeliveryMode
{
    Instant,
    Daily,
}
