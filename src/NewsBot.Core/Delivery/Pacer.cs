namespace NewsBot.Core.Delivery;

/// <summary>
/// Decides when each message may go so that no platform limit is ever hit: the global rate
/// (counted per one-second slot, so a chat held for later never blocks the others), and the
/// per-chat and slower per-group rates, kept as evenly spaced schedules. A flood wait from the
/// platform holds a chat, or everything, until the time it asked for. Thread-safe; all times
/// come from the caller.
/// </summary>
public sealed class Pacer(PacingLimits limits)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _perSecond = [];
    private readonly int _globalPerSecond = Math.Max(1, (int)Math.Floor(limits.GlobalPerSecond));
    private readonly TimeSpan _chatSpacing = TimeSpan.FromSeconds(1 / limits.PerChatPerSecond);
    private readonly TimeSpan _groupSpacing = TimeSpan.FromMinutes(1 / limits.PerGroupPerMinute);
    private DateTimeOffset _heldUntil = DateTimeOffset.MinValue;

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

            var second = at.UtcTicks / TimeSpan.TicksPerSecond;
            while (_perSecond.GetValueOrDefault(second) >= _globalPerSecond)
            {
                second++;
                at = new DateTimeOffset(second * TimeSpan.TicksPerSecond, TimeSpan.Zero);
            }

            _perSecond[second] = _perSecond.GetValueOrDefault(second) + 1;
            _chatNext[chatKey] = at + (isGroup ? _groupSpacing : _chatSpacing);
            return at;
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

            var past = now.UtcTicks / TimeSpan.TicksPerSecond;
            foreach (var second in _perSecond.Keys.Where(s => s < past).ToList())
            {
                _perSecond.Remove(second);
            }

            return idle.Count;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
