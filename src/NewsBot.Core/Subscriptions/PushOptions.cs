namespace NewsBot.Core.Subscriptions;

/// <summary>
/// How a subscription's pushes and digests arrive: <see cref="Silent"/> without a sound
/// (Telegram's <c>disable_notification</c>, Discord's <c>SUPPRESS_NOTIFICATIONS</c>), and on
/// Discord mentioning one role (<see cref="PingRole"/>, its id; <see cref="PingRoleName"/> is
/// its name when it was set, for lists).
/// </summary>
public sealed record PushOptions(bool Silent, string? PingRole, string? PingRoleName = null)
{
    public static PushOptions Default { get; } = new(false, null);

    public bool IsDefault => !Silent && PingRole is null;
}
