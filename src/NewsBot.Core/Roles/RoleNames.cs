namespace NewsBot.Core.Roles;

/// <summary>
/// The work that must have one owner across every instance sharing a database, by the name of
/// its lease. Feed reading is not among them: it is shared out source by source.
/// </summary>
public static class RoleNames
{
    /// <summary>Matching new articles to subscriptions and writing the outbox.</summary>
    public const string Planning = "planning";

    /// <summary>Telegram's getUpdates: the Bot API allows one consumer per token.</summary>
    public const string TelegramPolling = "telegram-polling";

    public const string Digests = "digests";

    public const string Announcements = "announcements";

    public const string Retention = "retention";

    /// <summary>One Discord gateway shard's connection: Discord allows one session per shard and token.</summary>
    public static string DiscordShard(int id, int count) => $"discord-shard:{id.ToString(CultureInfo.InvariantCulture)}-of-{count.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What every role marking a running Discord instance starts with: one such role per instance, held by it, so all know how many share the shards.</summary>
    public const string DiscordInstancePrefix = "discord-instance:";

    /// <summary>This instance runs Discord shards; held for as long as it does, and what the shards are shared out by.</summary>
    public static string DiscordInstance(string instance) => DiscordInstancePrefix + instance;

    /// <summary>The last identify in one of Discord's identify buckets (shard id modulo max_concurrency); a lease of one identify window that nobody renews.</summary>
    public static string DiscordIdentify(int bucket) => "discord-identify:" + bucket.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sending one platform's pushes: its rate limits belong to the bot token, not to an instance.</summary>
    public static string Dispatching(string platform) => "dispatching:" + platform;
}
