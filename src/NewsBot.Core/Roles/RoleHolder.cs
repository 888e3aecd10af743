namespace NewsBot.Core.Roles;

/// <summary>Who holds a role, as the database says (for /sources and the log).</summary>
/// <param name="Role">The role's name.</param>
/// <param name="Owner">The instance that holds or last held it.</param>
/// <param name="Fence">Its fencing number: how many changes of owner the role has seen.</param>
/// <param name="ExpiresAt">When the lease runs out unless renewed.</param>
/// <param name="Expired">Whether it had run out when read, so the next instance to ask takes it.</param>
public sealed record RoleHolder(string Role, string Owner, long Fence, DateTimeOffset ExpiresAt, bool Expired);
