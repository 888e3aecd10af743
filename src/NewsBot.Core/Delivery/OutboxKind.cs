namespace NewsBot.Core.Delivery;

/// <summary>What an outbox entry carries to its chat.</summary>
public enum OutboxKind
{
    /// <summary>New stories for a chat's instant subscriptions; several when they arrived together.</summary>
    Story,

    /// <summary>A daily digest of one subscription, rendered when it is sent.</summary>
    Digest,

    /// <summary>An admin's announcement, rendered when it is sent.</summary>
    Announcement,

    /// <summary>A notice to one of the bot's admins (a feed disabled, say); it carries its own words.</summary>
    AdminNotice,
}
