namespace NewsBot.Tests.Fakes;

/// <summary>Runs a system tool (kill, chown, mount, systemd-analyze) and returns its exit code and all it printed.</summary>
public static class ExternalTool
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments) =>
        Task.Run(() => Run(program, arguments));

    /// <summary>The same, for a constructor or Dispose, which cannot wait asynchronously.</summary>
    public static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {Limit}.");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult() + errors.GetAwaiter().GetResult());
    }
}
