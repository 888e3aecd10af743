namespace NewsBot.Tests.Fakes;

/// <summary>A start that must fail the way the bot reports a bad setting or a taken resource: with one clear line.</summary>
public static class FailedStart
{
    /// <summary>Runs <paramref name="start"/>, expects it to throw, and returns the line the bot prints for that failure.</summary>
    public static async Task<string> MessageAsync(Func<Task> start)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(start);

        Assert.True(StartupFailure.TryDescribe(error, out var message), error.ToString());
        return message;
    }
}
