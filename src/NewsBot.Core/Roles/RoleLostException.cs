namespace NewsBot.Core.Roles;

/// <summary>
/// A write refused because the role it was made for has another owner now (its fencing number
/// moved on), or was never held: nothing of the write happened.
/// </summary>
public sealed class RoleLostException : Exception
{
    public RoleLostException()
    {
    }

    public RoleLostException(string message)
        : base(message)
    {
    }

    public RoleLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static RoleLostException For(RoleLease lease, Exception? inner = null) =>
        new($"The role {lease.Role} is no longer held by {lease.Owner} with fencing number {lease.Fence}; the write was refused.", inner!);
}
