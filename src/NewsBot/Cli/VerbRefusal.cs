namespace NewsBot.Cli;

/// <summary>
/// How a maintenance verb refuses: it says why on standard error, in words that name the file or
/// setting and what was left untouched, and ends with exit code 1.
/// </summary>
internal static class VerbRefusal
{
    public const int ExitCode = 1;

    public static async Task<int> SayAsync(TextWriter stderr, string message)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        await stderr.WriteLineAsync(message).ConfigureAwait(false);
        return ExitCode;
    }

    /// <summary>The database file is held by a running bot; <paramref name="verb"/> waits for it to stop.</summary>
    public static Task<int> BotRunningAsync(TextWriter stderr, string file, string verb, string untouched) =>
        SayAsync(stderr, $"NewsBot is running and holds {file}. Stop it first (as a service: sudo systemctl stop newsbot), then {verb}. {untouched}");
}
