namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Which long-polled updates are done, so that Telegram keeps the unfinished ones. getUpdates
/// is asked from the oldest update still being handled: Telegram forgets every update below the
/// offset it is asked for, and one that was handed out but not finished before a crash must come
/// back after the restart. Updates above it that are already done are remembered, stored with
/// the offset, and skipped when Telegram sends them again.
/// </summary>
/// <remarks>
/// Telegram returns at most 100 updates from the offset. So that a stuck update cannot hide the
/// ones after it for ever, the window lets go of it (and counts it as handed over) once
/// <see cref="MaxSpan"/> updates have arrived after it.
/// </remarks>
internal sealed class TelegramUpdateWindow
{
    /// <summary>Updates between the oldest unfinished one and the newest received, at most.</summary>
    public const int MaxSpan = 80;

    private readonly Lock _gate = new();
    private readonly SortedSet<int> _running = [];
    private readonly SortedSet<int> _doneAbove = [];
    private int _next;

    /// <param name="stored">The value <see cref="Stored"/> gave before a restart, or null.</param>
    public TelegramUpdateWindow(string? stored)
    {
        var parts = (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > 0 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            _next = offset;
            foreach (var part in parts.Skip(1))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var done) && done >= offset)
                {
                    _doneAbove.Add(done);
                }
            }
        }
    }

    /// <summary>False until an offset is known; getUpdates is then asked without one.</summary>
    public bool HasOffset => _next > 0;

    /// <summary>Updates received and not yet finished.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    /// <summary>The offset for the next getUpdates.</summary>
    public int Offset
    {
        get
        {
            lock (_gate)
            {
                return OffsetLocked();
            }
        }
    }

    /// <summary>The offset and the finished updates above it, to store.</summary>
    public string Stored
    {
        get
        {
            lock (_gate)
            {
                var offset = OffsetLocked();
                return string.Join(',', _doneAbove.Where(id => id >= offset).Prepend(offset).Select(id => id.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>True when the update is new and should be handled; false for one already running or done.</summary>
    public bool TryBegin(int updateId)
    {
        lock (_gate)
        {
            if (_running.Contains(updateId) || _doneAbove.Contains(updateId) || (_next > 0 && updateId < OffsetLocked()))
            {
                return false;
            }

            _running.Add(updateId);
            _next = Math.Max(_next, updateId + 1);
            LetGoOfStuckLocked();
            return true;
        }
    }

    public void End(int updateId)
    {
        lock (_gate)
        {
            if (!_running.Remove(updateId))
            {
                return;
            }

            _doneAbove.Add(updateId);
            var offset = OffsetLocked();
            _doneAbove.RemoveWhere(id => id < offset);
        }
    }

    private int OffsetLocked() => _running.Count > 0 ? Math.Min(_running.Min, _next) : _next;

    private void LetGoOfStuckLocked()
    {
        while (_running.Count > 0 && _next - _running.Min > MaxSpan)
        {
            // Still running, but from now on Telegram forgets it: a crash would lose this one.
            _running.Remove(_running.Min);
        }
    }
}
