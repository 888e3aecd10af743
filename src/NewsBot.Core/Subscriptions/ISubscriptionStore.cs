namespace NewsBot.Core.Subscriptions;

public interface ISubscriptionStore
{
    /// <summary>Stores the subscription and returns it with its id.</summary>
    Subscription Add(Subscription subscription);

    IReadOnlyList<Subscription> ListForChat(string chatKey);

    /// <summary>Removes the chat's subscriptions with these ids; returns the ids that went.</summary>
    IReadOnlyList<int> Remove(string chatKey, IReadOnlyCollection<int> ids);

    int CountAll();

    /// <summary>Every subscription, for rebuilding the structures that hold them in memory.</summary>
    IEnumerable<Subscription> All();
}
