
namespace NewsBot.Hosting;

/// <summary>
/// Says which instance this is when it starts, and lets its roles go when it stops. Registered
/// before the services that hold roles, so it stops after them: their last writes are made
/// under the lease, and only then may another instance take over.
/// </summary>
internal sealed partial class RoleService(RoleKeeper roles, ILogger<RoleService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (roles.Shared)
        {
            LogSharedInstance(logger, roles.InstanceId);
        }
        else
        {
            LogSingleInstance(logger, roles.InstanceId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => roles.ReleaseAllAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} starting; roles are shared with the other instances on this database")]
    private static partial void LogSharedInstance(ILogger logger, string instance);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {Instance} starting; it holds every role, being the only process on its database")]
    private static partial void LogSingleInstance(ILogger logger, string instance);
}
