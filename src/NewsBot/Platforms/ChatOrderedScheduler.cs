namespace NewsBot.Platforms;

/// <summary>
/// Runs work for many chats at once and for one chat in order: an item starts after the
/// chat's previous item has finished, and at most <c>maxConcurrent</c> items run at the same
/// time. An item waiting for its chat holds no slot, so a slow chat delays only itself.
/// </summary>
internal sealed class ChatOrderedScheduler : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly ChatTails<string> _tails = new(StringComparer.Ordinal);

    public ChatOrderedScheduler(int maxConcurrent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        _slots = new SemaphoreSlim(maxConcurrent, maxConcurrent);
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>Queues <paramref name="work"/> behind the chat's earlier work; the task ends when it has run.</summary>
    public Task RunAsync(string chat, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        return _tails.Append(chat, before => RunAfterAsync(before, work, cancellationToken));
    }

    private async Task RunAfterAsync(Task? before, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (before is not null)
        {
            await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await work(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }
}
