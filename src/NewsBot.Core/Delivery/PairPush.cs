namespace NewsBot.Core.Delivery;

/// <summary>
/// How the subscriptions of one chat that one article matched want it pushed: it rings when
/// any of them is not silent, and mentions every role any of them pings.
/// </summary>
internal sealed class PairPush
{
    public bool Loud { get; private set; }

    public List<string> Roles { get; } = [];

    public void Add(PushOptions options)
    {
        Loud |= !options.Silent;
        if (options.PingRole is { } role && !Roles.Contains(role, StringComparer.Ordinal))
        {
            Roles.Add(role);
        }
    }
}
