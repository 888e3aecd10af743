namespace NewsBot.Tests.Fakes;

/// <summary>
/// The one way a test waits for what background work makes true (a request reaching a fake, a
/// frame, a log line, a row in the store): the condition is checked at once, again whenever the
/// <see cref="ChangeSignal"/> given fires, and every few milliseconds besides. Past the timeout
/// (real time, never a test's fake clock) the test fails, saying what it waited for and what it
/// saw instead; <c>giveUpWhen</c> ends the wait early when it can no longer come true, such as
/// when the process under test has exited.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    /// <param name="what">What is awaited, as the failure message names it ("chat 42 got its push").</param>
    /// <param name="seen">What there is instead, for the failure message.</param>
    /// <param name="giveUpWhen">Why the wait is hopeless, or null while it is not.</param>
    public static Task WaitUntilAsync(
        Func<bool> condition,
        string what,
        TimeSpan? timeout = null,
        ChangeSignal? changes = null,
        Func<string>? seen = null,
        Func<string?>? giveUpWhen = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, timeout, changes, seen, giveUpWhen);

    /// <summary>Waits until <paramref name="condition"/> (a store query, an HTTP probe) holds.</summary>
    public static async Task WaitUntilAsync(
        Func<Task<bool>> condition,
        string what,
        TimeSpan? timeout = null,
        ChangeSignal? changes = null,
        Func<string>? seen = null,
        Func<string?>? giveUpWhen = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var changed = changes?.Next;
            if (await condition())
            {
                return;
            }

            if (giveUpWhen?.Invoke() is { } hopeless && !await condition())
            {
                Assert.Fail($"Stopped waiting for {what}: {hopeless}{Describe(seen)}");
            }

            var left = limit - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}, in vain.{Describe(seen)}");
            }

            var pause = Task.Delay(left < PollInterval ? left : PollInterval);
            await (changed is null ? pause : Task.WhenAny(changed, pause));
        }
    }

    /// <summary>Waits until <paramref name="find"/> returns something, and returns it.</summary>
    public static async Task<T> WaitForAsync<T>(
        Func<T?> find,
        string what,
        TimeSpan? timeout = null,
        ChangeSignal? changes = null,
        Func<string>? seen = null,
        Func<string?>? giveUpWhen = null)
        where T : class
    {
        T? found = null;
        await WaitUntilAsync(() => (found = find()) is not null, what, timeout, changes, seen, giveUpWhen);
        return found!;
    }

    private static string Describe(Func<string>? seen) => seen is null ? "" : " Seen: " + seen();
}
