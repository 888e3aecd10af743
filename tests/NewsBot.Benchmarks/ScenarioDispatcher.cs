using System.Runtime.InteropServices;

namespace NewsBot.Benchmarks;

/// <summary>A benchmark the runner can run: its name on the command line and what it measures.</summary>
internal sealed record Scenario(string Name, string Summary, Func<IReadOnlyList<string>, CancellationToken, Task<int>> RunAsync);

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;
}

/// <summary>Picks the scenario named by the first argument and runs it with the rest.</summary>
internal static class ScenarioDispatcher
{
    public const string Invocation = "dotnet run -c Release --project tests/NewsBot.Benchmarks --";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IReadOnlyList<Scenario> scenarios)
    {
        if (args.Count == 0)
        {
            await Console.Error.WriteAsync(Help(scenarios));
            return ExitCodes.Usage;
        }

        if (args[0] is "--help" or "-h" or "help")
        {
            await Console.Out.WriteAsync(Help(scenarios));
            return ExitCodes.Success;
        }

        var scenario = scenarios.FirstOrDefault(s => string.Equals(s.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (scenario is null)
        {
            await Console.Error.WriteLineAsync(
                $"Unknown scenario '{args[0]}'. Available scenarios: {string.Join(", ", scenarios.Select(s => s.Name))}. Run with --help for details.");
            return ExitCodes.Usage;
        }

        // The first Ctrl+C stops the scenario cleanly (its temp folder is deleted); a second one ends the process.
        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !interrupted.IsCancellationRequested;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        // A termination request (kill, a CI time-out) stops the scenario the same clean way.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = !interrupted.IsCancellationRequested;
            interrupted.Cancel();
        });
        try
        {
            return await scenario.RunAsync(args.Skip(1).ToList(), interrupted.Token);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"The {scenario.Name} benchmark failed: {ex}");
            return ExitCodes.Failed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static string Help(IReadOnlyList<Scenario> scenarios)
    {
        var width = scenarios.Max(s => s.Name.Length);
        var lines = scenarios.Select(s => $"  {s.Name.PadRight(width)}  {s.Summary}");
        return $"""
            NewsBot benchmark runner. Each scenario measures NewsBot and the baseline it is compared
            with in the same run, and prints a Markdown table ready for the README.

            Usage: {Invocation} <scenario> [options]
                   {Invocation} <scenario> --help

            Scenarios:
            {string.Join(Environment.NewLine, lines)}

            Build in Release (-c Release): a Debug build is measured too, but the report flags it.
            The report goes to standard output, progress to standard error.
            Exit codes: 0 finished (the verdict lines say which targets were met), 1 the run failed,
            2 unknown scenario or bad option, 130 interrupted.

            """;
    }
}
