namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>One gateway connection of a bot that runs <see cref="Count"/> of them; Discord routes each server's events to shard (server id >> 22) % count.</summary>
internal readonly record struct GatewayShard(int Id, int Count)
{
    public static GatewayShard Only { get; } = new(0, 1);

    /// <summary>The identify bucket: shards in one bucket identify one at a time, one per window.</summary>
    public int Bucket(int maxConcurrency) => Id % Math.Max(1, maxConcurrency);

    public override string ToString() => $"{Id.ToString(CultureInfo.InvariantCulture)} of {Count.ToString(CultureInfo.InvariantCulture)}";
}
