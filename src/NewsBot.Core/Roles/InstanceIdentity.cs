namespace NewsBot.Core.Roles;

/// <summary>
/// This process among the instances sharing a database: host name, process id and a random
/// suffix (a restarted process may get the same pid), such as <c>web-2:4711:9f3a</c>.
/// </summary>
public sealed class InstanceIdentity
{
    public InstanceIdentity()
        : this($"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}:{Random.Shared.Next(0x10000):x4}")
    {
    }

    public InstanceIdentity(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    public string Id { get; }

    public override string ToString() => Id;
}
