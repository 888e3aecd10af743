namespace NewsBot.Core.Subscriptions;

public interface ISubscriptionStore
{
    /// <summary>Stores the subscription and returns it with its id.</summary>
    ValueTask<Subscription> AddAsync(Subscription subscription, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<Subscription>> ListForChatAsync(string chatKey, CancellationToken cancellationToken);

    /// <summary>Removes the chat's subscriptions with these ids; returns the ids that went.</summary>
    ValueTask<IReadOnlyList<int>> RemoveAsync(string chatKey, IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>Changes how the chat's subscription is delivered; returns it as stored, or null when the chat has no such subscription.</summary>
    ValueTask<Subscription?> SetOptionsAsync(string chatKey, int id, PushOptions options, CancellationToken cancellationToken);

    /// <summary>Every subscription, for rebuilding the structures that hold them in memory.</summary>
    IAsyncEnumerable<Subscription> AllAsync(CancellationToken cancellationToken);
}
