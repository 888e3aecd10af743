namespace NewsBot.Core.Subscriptions;

public interface ISubscriptionStore
{
    /// <summary>Stores the subscription and returns it with its id.</summary>
    Subscription Add(Subscription subscription);

    IReadOnlyList<Subscription> ListForChat(string chatKey);

    /// <summary>Removes the chat's subscriptions with these ids; returns how many went.</summary>
    int Remove(string chatKey, IReadOnlyCollection<int> ids);

    int CountAll();

    /// <summary>Every subscription, for building the matcher at start.</summary>
    IEnumerable<Subscription> All();
}
