namespace NewsBot.Core.Roles;

/// <summary>
/// Holds the roles this instance works for. A service asks for its role and waits until it has
/// it (<see cref="HoldAsync"/>); from then on the keeper renews the lease in the background and
/// ends the tenure (<see cref="RoleHold.Lost"/>) when a renewal is refused, when the lease runs
/// out on this instance's clock before a renewal gets through, or when a write made for the role
/// was fenced off (<see cref="Refused"/>). On an orderly stop it lets every role go at once, so
/// another instance takes over without waiting for the expiry. On a database that only this
/// process uses, every role is granted at once and for good, and nothing is logged or renewed.
/// </summary>
public sealed class RoleKeeper(
    IRoleLeases leases,
    InstanceIdentity instance,
    IOptions<ScalingOptions> options,
    TimeProvider time,
    ILogger<RoleKeeper> logger) : IAsyncDisposable
{
    /// <summary>The shortest wait before asking again, so a lease that runs out just now is not asked for in a tight loop.</summary>
    private static readonly TimeSpan SoonestAsk = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<string, RoleHold> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RoleHold> _permanent = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ScalingOptions _options = options.Value;
    private int _stopped;
    private int _askFailing;

    public string InstanceId => instance.Id;

    /// <summary>Whether other instances share the roles (PostgreSQL); false when this process holds every role for good.</summary>
    public bool Shared => leases.Shared;

    /// <summary>How often held roles are renewed and free ones asked for.</summary>
    public TimeSpan RenewEvery => _options.RenewEvery;

    /// <summary>Removes a role named after an instance once its lease has run out.</summary>
    public ValueTask ForgetAsync(string role, CancellationToken cancellationToken) => leases.ForgetAsync(role, cancellationToken);

    /// <summary>Who holds each role, as the database says.</summary>
    public ValueTask<IReadOnlyList<RoleHolder>> HoldersAsync(CancellationToken cancellationToken) => leases.HoldersAsync(cancellationToken);

    /// <summary>The role's current tenure when this instance may act for it now, else null.</summary>
    public RoleHold? Held(string role)
    {
        if (!leases.Shared)
        {
            return Permanent(role);
        }

        return _held.TryGetValue(role, out var hold) && hold.IsValid ? hold : null;
    }

    /// <summary>Waits until this instance holds the role, asking again every renewal interval while another holds it.</summary>
    public async Task<RoleHold> HoldAsync(string role, CancellationToken cancellationToken)
    {
        if (!leases.Shared)
        {
            return Permanent(role);
        }

        while (true)
        {
            if (Held(role) is { } held)
            {
                return held;
            }

            if (await TryTakeAsync(role, cancellationToken).ConfigureAwait(false) is { } taken)
            {
                return taken;
            }

            await Task.Delay(await AskAgainInAsync(role, cancellationToken).ConfigureAwait(false), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// When to ask again for a role another instance holds: at the next renewal interval, or the
    /// moment its lease runs out if that comes sooner, so a dead owner's role passes on within
    /// the lease time rather than up to an interval after it.
    /// </summary>
    public async Task<TimeSpan> AskAgainInAsync(string role, CancellationToken cancellationToken)
    {
        try
        {
            // No lease in force: it was let go since it was asked for.
            var left = await leases.FreeInAsync(role, cancellationToken).ConfigureAwait(false) ?? TimeSpan.Zero;
            return left < _options.RenewEvery ? Max(left, SoonestAsk) : _options.RenewEvery;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Asking for the role itself says whether the database can be reached.
            return _options.RenewEvery;
        }
    }

    /// <summary>
    /// Lets one role go at once, so another instance takes it without waiting for the expiry:
    /// the tenure ends here first, then the lease in the database. Call it once the work for the
    /// role has stopped.
    /// </summary>
    public async Task ReleaseAsync(string role, CancellationToken cancellationToken)
    {
        if (!leases.Shared)
        {
            return;
        }

        if (!_held.TryRemove(role, out var hold))
        {
            return;
        }

        hold.End();
        try
        {
            await leases.ReleaseAsync(role, instance.Id, cancellationToken).ConfigureAwait(false);
            logger.LogReleased(instance.Id, role);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease runs out by itself.
            logger.LogReleaseFailed(role, ex.Message);
        }
    }

    /// <summary>Takes the role if it is free (or already this instance's); null when another instance holds it or the database cannot be asked.</summary>
    public async Task<RoleHold?> TryHoldAsync(string role, CancellationToken cancellationToken) =>
        !leases.Shared ? Permanent(role) : Held(role) ?? await TryTakeAsync(role, cancellationToken).ConfigureAwait(false);

    /// <summary>A write made for the role was refused by its fencing number: another instance holds it now.</summary>
    public void Refused(RoleLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (_held.TryGetValue(lease.Role, out var hold) && hold.Fence == lease.Fence)
        {
            End(hold, "a write for it was refused: another instance holds it now");
        }
    }

    /// <summary>Lets every held role go, so other instances take them at once; called once the services that use them have stopped.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var hold in _held.Values.ToList())
        {
            hold.End();
            try
            {
                await leases.ReleaseAsync(hold.Role, instance.Id, cancellationToken).ConfigureAwait(false);
                logger.LogReleased(instance.Id, hold.Role);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The lease runs out by itself.
                logger.LogReleaseFailed(hold.Role, ex.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAllAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var hold in _held.Values.Concat(_permanent.Values))
        {
            hold.Dispose();
        }

        _stopping.Dispose();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private RoleHold Permanent(string role) =>
        _permanent.GetOrAdd(role, r => new RoleHold(new RoleLease(r, instance.Id, 1, DateTimeOffset.MaxValue), time));

    private async Task<RoleHold?> TryTakeAsync(string role, CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return null;
        }

        var asked = time.GetUtcNow();
        RoleLease? lease;
        try
        {
            lease = await leases.AcquireAsync(role, instance.Id, _options.LeaseTime, asked + _options.ActFor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Said once per outage, not at every try of every waiting role.
            if (Interlocked.Exchange(ref _askFailing, 1) == 0)
            {
                logger.LogAskFailed(role, ex.Message);
            }

            return null;
        }

        if (Interlocked.Exchange(ref _askFailing, 0) == 1)
        {
            logger.LogAskedAgain();
        }

        if (lease is null)
        {
            return null;
        }

        var hold = new RoleHold(lease, time);
        if (_held.TryGetValue(role, out var old))
        {
            old.End();
        }

        _held[role] = hold;
        logger.LogTaken(instance.Id, role, lease.Fence);

        // The renewals belong to the keeper, not to whatever work asked first.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RenewAsync(hold), CancellationToken.None);
        }

        return hold;
    }

    private async Task RenewAsync(RoleHold hold)
    {
        var problem = (string?)null;
        try
        {
            while (!hold.Lost.IsCancellationRequested)
            {
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(hold.Lost, _stopping.Token))
                {
                    await Task.Delay(_options.RenewEvery, time, wait.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                if (hold.Lost.IsCancellationRequested || _stopping.IsCancellationRequested)
                {
                    return;
                }

                // A process paused past its lease has lost the tenure by its own clock: a renewal
                // asked only now must not revive it, whatever the database answers.
                var asked = time.GetUtcNow();
                if (!hold.Lease.IsValidAt(asked))
                {
                    return;
                }

                RoleLease? renewed;
                try
                {
                    renewed = await leases.AcquireAsync(hold.Role, instance.Id, _options.LeaseTime, asked + _options.ActFor, hold.Lost).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Tried again at the next interval; the tenure ends by itself if none gets through in time.
                    if (problem is null)
                    {
                        logger.LogRenewFailed(hold.Role, ex.Message);
                    }

                    problem = ex.Message;
                    continue;
                }

                if (renewed is null || renewed.Fence != hold.Fence)
                {
                    End(hold, "another instance took it over");
                    return;
                }

                if (problem is not null)
                {
                    logger.LogRenewedAgain(hold.Role);
                    problem = null;
                }

                hold.Extend(renewed);
            }
        }
        catch (OperationCanceledException)
        {
            // The tenure ended or the process stops.
        }
        finally
        {
            if (!_stopping.IsCancellationRequested && _held.TryGetValue(hold.Role, out var current) && current == hold)
            {
                End(hold, problem is null ? "its lease ran out" : "its lease ran out while the database could not be reached");
            }
        }
    }

    private void End(RoleHold hold, string reason)
    {
        if (_held.TryRemove(new KeyValuePair<string, RoleHold>(hold.Role, hold)))
        {
            hold.End();
            logger.LogLost(instance.Id, hold.Role, reason);
        }
    }
}
