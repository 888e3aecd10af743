namespace NewsBot.Core.Delivery;

/// <summary>
/// Marks accepted entries sent, one write for the acceptances that arrive together. No
/// acceptance waits for company: the first one is written at once, and those that arrive while
/// a write is under way go together in the next one. An acceptance therefore waits at most for
/// the write in progress and its own, and the caller goes on only once it is recorded.
/// </summary>
internal sealed class AcceptanceRecorder(IOutboxStore outbox)
{
    private readonly Lock _lock = new();
    private List<Acceptance> _waiting = [];
    private bool _writing;

    /// <summary>Completes once the entries are recorded as sent; faults when the write failed.</summary>
    public async Task RecordAsync(IReadOnlyCollection<long> ids, DateTimeOffset at)
    {
        var acceptance = new Acceptance(ids, at, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool writes;
        lock (_lock)
        {
            _waiting.Add(acceptance);
            writes = !_writing;
            _writing = true;
        }

        // The first caller writes; those arriving meanwhile are taken along by its next round.
        if (writes)
        {
            await WriteWaitingAsync().ConfigureAwait(false);
        }

        await acceptance.Recorded.Task.ConfigureAwait(false);
    }

    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            List<Acceptance> group;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                group = _waiting;
                _waiting = [];
            }

            try
            {
                // Within a group the times differ by the length of one write; the latest stands for all.
                // The platform accepted these: they are recorded whatever becomes of the callers.
                await outbox.MarkSentAsync(group.SelectMany(a => a.Ids).ToList(), group.Max(a => a.At), CancellationToken.None).ConfigureAwait(false);
                foreach (var acceptance in group)
                {
                    acceptance.Recorded.SetResult();
                }
            }
            catch (Exception ex)
            {
                foreach (var acceptance in group)
                {
                    acceptance.Recorded.SetException(ex);
                }
            }
        }
    }

    private sealed record Acceptance(IReadOnlyCollection<long> Ids, DateTimeOffset At, TaskCompletionSource Recorded);
}
