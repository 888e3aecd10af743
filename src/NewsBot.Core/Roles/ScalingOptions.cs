namespace NewsBot.Core.Roles;

/// <summary>The <c>Scaling</c> section: how instances sharing a PostgreSQL database hand roles over.</summary>
public sealed class ScalingOptions
{
    public const string SectionName = "Scaling";

    /// <summary>
    /// How long a role's lease lasts unless renewed (renewed every third of it): the longest a
    /// role stays without an owner after its instance dies, and a bound on how long a paused
    /// instance can believe it still holds one.
    /// </summary>
    public int LeaseSeconds { get; set; } = 15;

    public TimeSpan LeaseTime => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>How often a held lease is renewed, and a free one asked for.</summary>
    public TimeSpan RenewEvery => TimeSpan.FromSeconds(LeaseSeconds / 3.0);

    /// <summary>
    /// How long an owner acts on a lease by its own clock after asking for it: less than the
    /// lease, so it stops before the database lets another instance take over.
    /// </summary>
    public TimeSpan ActFor => TimeSpan.FromSeconds(LeaseSeconds * 0.8);

    /// <summary>
    /// How long the change feed keeps a change: far longer than an instance takes to follow
    /// (seconds), so only one cut off from the database for longer misses any, and it restarts.
    /// </summary>
    public int ChangeRetentionHours { get; set; } = 24;

    public TimeSpan ChangeRetention => TimeSpan.FromHours(ChangeRetentionHours);
}
