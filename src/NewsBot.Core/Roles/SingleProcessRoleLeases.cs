namespace NewsBot.Core.Roles;

/// <summary>Every role, for good, to the one process that uses the database (LiteDB holds its file's lock).</summary>
public sealed class SingleProcessRoleLeases : IRoleLeases
{
    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);

    public bool Shared => false;

    public ValueTask<RoleLease?> AcquireAsync(string role, string owner, TimeSpan duration, DateTimeOffset validUntil, CancellationToken cancellationToken)
    {
        _owners[role] = owner;
        return ValueTask.FromResult<RoleLease?>(new RoleLease(role, owner, 1, DateTimeOffset.MaxValue));
    }

    public ValueTask<TimeSpan?> FreeInAsync(string role, CancellationToken cancellationToken) => ValueTask.FromResult<TimeSpan?>(null);

    public ValueTask ReleaseAsync(string role, string owner, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ForgetAsync(string role, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<IReadOnlyList<RoleHolder>> HoldersAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<RoleHolder>>(
            _owners.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new RoleHolder(o.Key, o.Value, 1, DateTimeOffset.MaxValue, Expired: false)).ToList());
}
