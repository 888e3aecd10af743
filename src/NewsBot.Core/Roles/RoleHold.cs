namespace NewsBot.Core.Roles;

/// <summary>
/// This instance's tenure of a role: the lease it acts under (renewed in the background, its
/// fencing number fixed), and <see cref="Lost"/>, cancelled the moment the tenure ends: the
/// lease ran out on this instance's clock, a renewal was refused, a write was fenced off, or the
/// process stops. Work for the role stops starting anything new then.
/// </summary>
public sealed class RoleHold : IDisposable
{
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _lost;
    private RoleLease _lease;

    internal RoleHold(RoleLease lease, TimeProvider time)
    {
        _lease = lease;
        _time = time;
        _lost = lease.Permanent ? new CancellationTokenSource() : new CancellationTokenSource(Remaining(lease), time);
    }

    public string Role => _lease.Role;

    /// <summary>The lease as last granted or renewed.</summary>
    public RoleLease Lease => Volatile.Read(ref _lease);

    public long Fence => Lease.Fence;

    /// <summary>Cancelled when the tenure ends; never, for a role no other process can hold.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Whether this instance may still act for the role now, by its own clock.</summary>
    public bool IsValid => !_lost.IsCancellationRequested && Lease.IsValidAt(_time.GetUtcNow());

    public void Dispose() => _lost.Dispose();

    /// <summary>A renewal moved the end of the tenure.</summary>
    internal void Extend(RoleLease renewed)
    {
        Volatile.Write(ref _lease, renewed);
        try
        {
            _lost.CancelAfter(Remaining(renewed));
        }
        catch (ObjectDisposedException)
        {
            // Ended meanwhile.
        }
    }

    internal void End()
    {
        try
        {
            _lost.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Ended before.
        }
    }

    private TimeSpan Remaining(RoleLease lease)
    {
        var left = lease.ValidUntil - _time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
