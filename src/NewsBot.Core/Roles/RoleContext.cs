namespace NewsBot.Core.Roles;

/// <summary>
/// The role that the work on this logical flow is done for. A role's loop enters it around each
/// round, and the database stores check its fencing number in every write made inside it; work
/// outside any role (answering a command, reading a feed) writes unfenced.
/// </summary>
public sealed class RoleContext
{
    private readonly AsyncLocal<RoleLease?> _current = new();

    /// <summary>The lease the current work is done under, or null.</summary>
    public RoleLease? Current => _current.Value;

    /// <summary>Does the work that follows (on this flow and what it awaits) under <paramref name="lease"/>, until disposed.</summary>
    public Scope Enter(RoleLease lease)
    {
        var previous = _current.Value;
        _current.Value = lease;
        return new Scope(this, previous);
    }

    public readonly struct Scope(RoleContext context, RoleLease? previous) : IDisposable
    {
        public void Dispose() => context._current.Value = previous;
    }
}
