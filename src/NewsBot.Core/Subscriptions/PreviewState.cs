namespace NewsBot.Core.Subscriptions;

/// <summary>What became of a preview, as a confirm or cancel finds it.</summary>
public enum PreviewState
{
    /// <summary>Waiting for a confirm or cancel; a claim that returns it may go ahead.</summary>
    Pending,

    /// <summary>A confirm is being carried out right now.</summary>
    Confirming,

    /// <summary>Confirmed: the subscription exists.</summary>
    Confirmed,

    Cancelled,

    /// <summary>Older than <see cref="SubscriptionPreviews.Lifetime"/>.</summary>
    Expired,

    /// <summary>No such preview (never made, or forgotten long after it expired or after a restart).</summary>
    Unknown,

    /// <summary>Made in another chat.</summary>
    OtherChat,

    /// <summary>Made by someone else in this chat.</summary>
    OtherPerson,
}
