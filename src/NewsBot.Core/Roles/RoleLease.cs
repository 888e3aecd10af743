namespace NewsBot.Core.Roles;

/// <summary>
/// A role held by this instance. <see cref="Fence"/> grows at every change of owner, and every
/// write the role makes carries it, so a write by an owner that lost the role meanwhile (paused,
/// cut off) is refused by the database.
/// </summary>
/// <param name="Role">The role's name (<see cref="RoleNames"/>).</param>
/// <param name="Owner">This instance's id.</param>
/// <param name="Fence">The fencing number of this tenure.</param>
/// <param name="ValidUntil">
/// Until when this instance may act on its own clock: short of the expiry the database keeps,
/// so it stops before another can start. <see cref="DateTimeOffset.MaxValue"/> when nobody else
/// can ever hold the role (one process on its own database).
/// </param>
public sealed record RoleLease(string Role, string Owner, long Fence, DateTimeOffset ValidUntil)
{
    /// <summary>Whether the lease never runs out (a database only this process uses).</summary>
    public bool Permanent => ValidUntil == DateTimeOffset.MaxValue;

    public bool IsValidAt(DateTimeOffset now) => now < ValidUntil;
}
