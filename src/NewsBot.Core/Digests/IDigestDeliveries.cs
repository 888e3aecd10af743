namespace NewsBot.Core.Digests;

/// <summary>Finds the digest that carried a story, for <c>/why</c>.</summary>
public interface IDigestDeliveries
{
    /// <summary>The newest digest entry of the subscription in this chat that counted the story, or null.</summary>
    OutboxEntry? FindDigest(string chatKey, int subscriptionId, int storyId);
}
