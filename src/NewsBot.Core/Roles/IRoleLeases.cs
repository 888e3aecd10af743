namespace NewsBot.Core.Roles;

/// <summary>
/// Leases on the roles that have one owner across every instance, kept in the database. One
/// process on its own database (LiteDB) is granted every role, for good.
/// </summary>
public interface IRoleLeases
{
    /// <summary>Whether other processes can hold roles too; false means every role is this process's for good.</summary>
    bool Shared { get; }

    /// <summary>
    /// Takes the role for <paramref name="owner"/> for <paramref name="duration"/>, or renews it
    /// when it holds it already. Returns null while another instance holds an unexpired lease.
    /// The fencing number grows when the owner changes, not on a renewal.
    /// </summary>
    /// <param name="validUntil">How long the caller may act on the lease by its own clock, should it be granted.</param>
    ValueTask<RoleLease?> AcquireAsync(string role, string owner, TimeSpan duration, DateTimeOffset validUntil, CancellationToken cancellationToken);

    /// <summary>
    /// How long the role's lease has left by the database's clock, so a waiting instance asks
    /// again the moment it runs out; null when no lease is in force.
    /// </summary>
    ValueTask<TimeSpan?> FreeInAsync(string role, CancellationToken cancellationToken);

    /// <summary>Lets the role go at once (an orderly stop), so another instance takes it without waiting for the expiry.</summary>
    ValueTask ReleaseAsync(string role, string owner, CancellationToken cancellationToken);

    /// <summary>Removes the role's row once its lease has run out: for roles named after an instance that is gone.</summary>
    ValueTask ForgetAsync(string role, CancellationToken cancellationToken);

    /// <summary>Every role that has ever been held, with its holder.</summary>
    ValueTask<IReadOnlyList<RoleHolder>> HoldersAsync(CancellationToken cancellationToken);
}
