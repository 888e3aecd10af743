namespace NewsBot.Tests.Fakes;

/// <summary>
/// Wakes whoever waits for a fake's state to change: <see cref="Next"/> completes at the next
/// <see cref="Pulse"/>. <see cref="Eventually"/> takes one, so a wait ends as soon as the
/// awaited request, frame or line is recorded instead of at the next poll.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change; read it before checking, so a change in between is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
