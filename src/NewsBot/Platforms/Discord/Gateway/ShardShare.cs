namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>
/// How many of the bot's gateway shards one instance holds when several run them: the shards
/// divided evenly, the first instances in the order of their ids taking one more each while
/// some are left over. Every instance computes the same shares from the same list, the shares
/// add up to the shard count, and none exceeds the count divided by the instances, rounded up.
/// </summary>
internal static class ShardShare
{
    /// <param name="instance">This instance's id; counted as running whether or not the list has it yet.</param>
    /// <param name="running">The ids of the instances running shards, as the database says.</param>
    /// <param name="shards">How many shards the bot runs.</param>
    public static int Of(string instance, IEnumerable<string> running, int shards)
    {
        var instances = running.Append(instance).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rank = instances.IndexOf(instance);
        return (shards / instances.Count) + (rank < shards % instances.Count ? 1 : 0);
    }
}
