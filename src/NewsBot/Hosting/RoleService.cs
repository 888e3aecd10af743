
namespace NewsBot.Hosting;

/// <summary>
/// Says which instance this is when it starts, and lets its roles go when it stops. Registered
/// before the services that hold roles, so it stops after them: their last writes are made
/// under the lease, and only then may another instance take over.
/// </summary>
internal sealed class RoleService(RoleKeeper roles, ILogger<RoleService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (roles.Shared)
        {
            logger.LogSharedInstance(roles.InstanceId);
        }
        else
        {
            logger.LogSingleInstance(roles.InstanceId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => roles.ReleaseAllAsync(cancellationToken);
}
