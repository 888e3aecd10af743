namespace NewsBot.Core.Delivery;

/// <summary>
/// Decides when each message may go so that no platform limit is ever hit: the global rate, as
/// evenly spaced slots (1/30 s apart for Telegram) so that no second ever holds more than the
/// limit however the sends are jittered; and the per-chat and slower per-group rates, kept as
/// evenly spaced schedules. Slots are booked individually, so a chat held for later never
/// blocks the others. A flood wait from the platform holds a chat, or everything, until the
/// time it asked for. Thread-safe; all times come from the caller.
/// </summary>
/// <remarks>
/// Booked slots alone let messages that start late (a slow start-up, a busy machine, sends
/// waiting for a free connection) go out back to back. So every actual send also starts
/// (<see cref="TryStart"/>) at least one slot after the one before actually started, with no
/// burst allowance; and the first one after the pacer is made waits a slot too, because the
/// platform may still be counting what was sent at full rate just before: by the previous
/// process, or by the instance that held the platform's dispatching before this one.
/// </remarks>
public sealed class Pacer
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private readonly HashSet<long> _booked = [];
    private readonly decimal _perSecond;
    private readonly TimeSpan _chatSpacing;
    private readonly TimeSpan _groupSpacing;
    private readonly TimeSpan _sendSpacing;
    private DateTimeOffset _heldUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _lastStart;

    /// <param name="limits">The platform's ceilings.</param>
    /// <param name="startedAt">When this process began sending; null when nothing can have been sent before.</param>
    public Pacer(PacingLimits limits, DateTimeOffset? startedAt = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _perSecond = (decimal)limits.GlobalPerSecond;
        _sendSpacing = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / _perSecond));
        _lastStart = startedAt ?? DateTimeOffset.MinValue;
        _chatSpacing = TimeSpan.FromSeconds(1 / limits.PerChatPerSecond);
        _groupSpacing = TimeSpan.FromMinutes(1 / limits.PerGroupPerMinute);
    }

    /// <summary>Reserves the earliest moment at or after <paramref name="now"/> when a message to this chat may be sent.</summary>
    public DateTimeOffset Reserve(string chatKey, bool isGroup, DateTimeOffset now)
    {
        lock (_lock)
        {
            var at = Max(now, _heldUntil);
            if (_chatNext.TryGetValue(chatKey, out var chatNext))
            {
                at = Max(at, chatNext);
            }

            var slot = (long)Math.Ceiling(at.UtcTicks * _perSecond / TimeSpan.TicksPerSecond);
            while (!_booked.Add(slot))
            {
                slot++;
            }

            at = Max(at, SlotStart(slot));
            _chatNext[chatKey] = at + (isGroup ? _groupSpacing : _chatSpacing);
            return at;
        }
    }

    /// <summary>
    /// Starts a send now if one slot has passed since the previous send actually started (or
    /// since the pacer was made), and records <paramref name="now"/> as that start; otherwise
    /// returns the moment to try again. Spacing is measured between actual starts, so a send
    /// that woke late never brings the next one closer to it.
    /// </summary>
    /// <returns>Null when the send may start now (and is counted as started); else when to try again.</returns>
    public DateTimeOffset? TryStart(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_lastStart != DateTimeOffset.MinValue && now < _lastStart + _sendSpacing)
            {
                return _lastStart + _sendSpacing;
            }

            _lastStart = now;
            return null;
        }
    }

    /// <summary>Nothing goes to this chat before <paramref name="until"/> (the platform asked to wait).</summary>
    public void Hold(string chatKey, DateTimeOffset until)
    {
        lock (_lock)
        {
            _chatNext[chatKey] = Max(until, _chatNext.GetValueOrDefault(chatKey, DateTimeOffset.MinValue));
        }
    }

    /// <summary>Nothing goes anywhere before <paramref name="until"/> (a global flood wait).</summary>
    public void HoldAll(DateTimeOffset until)
    {
        lock (_lock)
        {
            _heldUntil = Max(_heldUntil, until);
        }
    }

    /// <summary>When the chat may next be sent to, as far as this pacer knows.</summary>
    public DateTimeOffset NextFor(string chatKey, DateTimeOffset now)
    {
        lock (_lock)
        {
            return Max(Max(now, _heldUntil), _chatNext.GetValueOrDefault(chatKey, DateTimeOffset.MinValue));
        }
    }

    /// <summary>Forgets chats with nothing reserved after <paramref name="now"/>, so memory follows the active chats.</summary>
    public int Forget(DateTimeOffset now)
    {
        lock (_lock)
        {
            var idle = _chatNext.Where(p => p.Value <= now).Select(p => p.Key).ToList();
            foreach (var key in idle)
            {
                _chatNext.Remove(key);
            }

            var past = (long)Math.Floor(now.UtcTicks * _perSecond / TimeSpan.TicksPerSecond);
            _booked.RemoveWhere(slot => slot < past);
            return idle.Count;
        }
    }

    // Decimal arithmetic: slot boundaries fall exactly on whole seconds, where doubles would drift by a tick.
    private DateTimeOffset SlotStart(long slot) =>
        new((long)Math.Ceiling(slot * (decimal)TimeSpan.TicksPerSecond / _perSecond), TimeSpan.Zero);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
