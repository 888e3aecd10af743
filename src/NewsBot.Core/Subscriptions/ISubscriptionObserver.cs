namespace NewsBot.Core.Subscriptions;

/// <summary>Told of every change to the stored subscriptions, so in-memory indexes stay in step.</summary>
public interface ISubscriptionObserver
{
    void Added(Subscription subscription);

    void Removed(IReadOnlyCollection<int> subscriptionIds);

    /// <summary>Subscriptions that changed chat (a group that became a supergroup), with their new chat.</summary>
    void Moved(IReadOnlyList<Subscription> subscriptions);
}
