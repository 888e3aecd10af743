namespace NewsBot.Storage;

// The shapes stored in LiteDB. Only the stores in this folder see them; the core sees records.
#pragma warning disable CA1002, CA2227 // LiteDB maps mutable List<T> properties.

internal sealed class ArticleDocument
{
    public int Id { get; set; }
    public string Url { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? Author { get; set; }
    public int SourceId { get; set; }
    public string SourceName { get; set; } = "";
    public DateTime PublishedAt { get; set; }

    /// <summary>The UTC day of <see cref="PublishedAt"/>, counted from 1970-01-01: what retention's index holds (see <see cref="ArticleDayIndex"/>).</summary>
    public int PublishedDay { get; set; }
    public DateTime IngestedAt { get; set; }
    public List<string> Topics { get; set; } = [];
    public string? ImageUrl { get; set; }
    public bool IsNew { get; set; } = true;
    public string TitleKey { get; set; } = "";
    public int StoryId { get; set; }
    public List<string> AlsoIn { get; set; } = [];
}

internal sealed class SourceDocument
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public List<string> Topics { get; set; } = [];
    public bool Enabled { get; set; } = true;
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    public int ItemCount { get; set; }
    public DateTime? NextPollAt { get; set; }
    public string? ETag { get; set; }
    public DateTime? LastModified { get; set; }
    public string? MovedTo { get; set; }
    public bool FromConfiguration { get; set; }
    public bool AdminsNotified { get; set; }
    public string? Note { get; set; }
    public int ItemsLeftOut { get; set; }
    public string? ContentHash { get; set; }
    public List<string> CurrentItemKeys { get; set; } = [];
    public bool Paused { get; set; }
    public long? PollIntervalMs { get; set; }
    public string FullText { get; set; } = SourceSettingsText.Auto;
}

internal sealed class BookmarkDocument
{
    public int Id { get; set; }

    /// <summary>"user#article": LiteDB has no compound indexes, so uniqueness lives in one field.</summary>
    public string Key { get; set; } = "";
    public string UserKey { get; set; } = "";
    public int ArticleId { get; set; }
    public DateTime SavedAt { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public string SourceName { get; set; } = "";
}

internal sealed class SubscriptionDocument
{
    public int Id { get; set; }
    public string ChatKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Query { get; set; } = "";
    public string Mode { get; set; } = "";
    public string? DailyAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Pushes and digests without a sound.</summary>
    public bool Silent { get; set; }

    /// <summary>Discord: the id of the role each push mentions, or null.</summary>
    public string? PingRole { get; set; }
    public string? PingRoleName { get; set; }
}

internal sealed class ChatDocument
{
    public string Id { get; set; } = "";
    public string Platform { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Title { get; set; }
    public string? TimeZone { get; set; }
    public bool Active { get; set; } = true;
    public string? InactiveReason { get; set; }
    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }

    /// <summary>Quiet hours as "HH:mm-HH:mm", or null.</summary>
    public string? Quiet { get; set; }
    public bool AnnouncementsMuted { get; set; }

    /// <summary>The language code of pushes and digests, or null (English).</summary>
    public string? Language { get; set; }

    /// <summary>Why deliveries to the chat wait (an archived, locked thread), or null.</summary>
    public string? PausedReason { get; set; }
    public DateTime? PausedAt { get; set; }
}

internal sealed class UserDocument
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }

    /// <summary>The language code the person chose with /language, or null.</summary>
    public string? Language { get; set; }
}

internal sealed class OutboxDocument
{
    public long Id { get; set; }

    /// <summary>Unique (see OutboxKeys); starts with "chat|", so a chat's entries are found by prefix.</summary>
    public string DedupKey { get; set; } = "";
    public string ChatKey { get; set; } = "";
    public string Platform { get; set; } = "";
    public string Kind { get; set; } = "";

    /// <summary>Story entries: (story id, article id) pairs as little-endian int32s, see <see cref="StoryPairs"/>. A fan-out writes one document per chat, and a binary field is several times smaller and quicker to write than two arrays.</summary>
    public byte[]? Stories { get; set; }
    public string? Reference { get; set; }

    /// <summary>Admin notices: their words. Absent from other entries and from databases written before notices were queued.</summary>
    public string? Text { get; set; }

    /// <summary>True when the message goes without a sound; absent otherwise, as in most entries.</summary>
    public bool? Silent { get; set; }

    /// <summary>Discord role ids the message mentions; absent when none.</summary>
    public string[]? Mentions { get; set; }
    public string State { get; set; } = "";
    public int Attempts { get; set; }

    /// <summary>Set only while pending, so the due-index holds only what is still to send.</summary>
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

internal sealed class StateDocument
{
    public string Id { get; set; } = "";
    public string Value { get; set; } = "";
}
#pragma warning restore CA1002, CA2227
