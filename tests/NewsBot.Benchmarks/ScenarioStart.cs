namespace NewsBot.Benchmarks;

/// <summary>What every scenario does before it measures: read its options (or answer --help), look at the machine, and say what it is doing.</summary>
internal static class ScenarioStart
{
    public delegate bool SettingsParser<TSettings>(IReadOnlyList<string> args, out TSettings settings, out bool help, out string? error);

    /// <summary>
    /// The scenario's settings, or the exit code it ends with instead of running: success after
    /// printing <paramref name="usage"/> for --help, a usage error after naming the bad option.
    /// <paramref name="synopsis"/> is the scenario's name and options, as the one-line usage shows them.
    /// </summary>
    public static async Task<(TSettings Settings, int? ExitCode)> ReadSettingsAsync<TSettings>(
        IReadOnlyList<string> args, SettingsParser<TSettings> parse, string usage, string synopsis)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse(args, out var settings, out var help, out var error))
        {
            return (settings, null);
        }

        if (help)
        {
            await Console.Out.WriteAsync(usage);
            return (settings, ExitCodes.Success);
        }

        await Console.Error.WriteLineAsync(error);
        await Console.Error.WriteLineAsync($"Usage: {ScenarioDispatcher.Invocation} {synopsis}; see --help.");
        return (settings, ExitCodes.Usage);
    }

    /// <summary>The machine the numbers come from, with a warning when the build would make them worthless.</summary>
    public static MachineInfo Machine()
    {
        var machine = MachineInfo.Describe();
        if (!machine.OptimizedBuild)
        {
            Progress("warning: this is a Debug build; run with -c Release for numbers worth keeping");
        }

        return machine;
    }

    /// <summary>A line on standard error, with the time, while a scenario runs.</summary>
    public static void Progress(string line) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {line}"));
}
