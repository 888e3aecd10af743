namespace NewsBot.Platforms;

/// <summary>
/// The last piece of work of each chat, so that the next one can start after it. A chat is
/// forgotten once its last piece has ended.
/// </summary>
internal sealed class ChatTails<TChat>(IEqualityComparer<TChat>? comparer = null)
    where TChat : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TChat, Task> _tails = new(comparer);

    /// <summary>
    /// Starts the chat's next piece of work, handing <paramref name="start"/> the chat's
    /// previous piece (null when there is none left), and keeps it as the chat's last.
    /// </summary>
    public Task Append(TChat chat, Func<Task?, Task> start)
    {
        Task run;
        lock (_gate)
        {
            _tails.TryGetValue(chat, out var before);
            run = start(before);
            _tails[chat] = run;
        }

        _ = run.ContinueWith(
            finished =>
            {
                lock (_gate)
                {
                    if (_tails.TryGetValue(chat, out var tail) && tail == finished)
                    {
                        _tails.Remove(chat);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return run;
    }
}
