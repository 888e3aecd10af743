using System.Diagnostics;
using System.Text;

namespace NewsBot.Tests.Fakes;

/// <summary>The real executable in a working folder of its own, as an operator would run it.</summary>
public sealed class NewsBotProcess : IDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NewsBotProcess(ProcessStartInfo start)
    {
        Process = new Process { StartInfo = start };
        Process.OutputDataReceived += (_, e) => Collect(e.Data, _output, _outputClosed);
        Process.ErrorDataReceived += (_, e) => Collect(e.Data, _errors, _errorsClosed);
        Process.Start();
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>Everything written to standard output, once it is closed.</summary>
    public Task<string> Output => _outputClosed.Task.ContinueWith(_ => Read(_output), TaskScheduler.Default);

    /// <summary>Everything written to standard error, once it is closed.</summary>
    public Task<string> Errors => _errorsClosed.Task.ContinueWith(_ => Read(_errors), TaskScheduler.Default);

    public static NewsBotProcess Start(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsbot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Settings from the environment of the test run must not leak into the bot under test.
        start.Environment["Telegram__Token"] = "";
        start.Environment["Discord__Token"] = "";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new NewsBotProcess(start);
    }

    /// <summary>Runs to the end with <paramref name="input"/> piped in; kills it past <see cref="Limit"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string workingDirectory, IEnumerable<string> arguments, string input = "", IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(workingDirectory, arguments, environment);
        await process.Process.StandardInput.WriteAsync(input);
        process.Process.StandardInput.Close();
        return await process.WaitAsync();
    }

    public async Task<(int ExitCode, string Output, string Errors)> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await Process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"newsbot did not exit within {Limit}. It said: {Read(_errors)}");
        }

        return (Process.ExitCode, await Output, await Errors);
    }

    /// <summary>Waits until standard output contains <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!Read(_output).Contains(text, StringComparison.Ordinal))
        {
            if (Process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"newsbot did not write \"{text}\". Output: {Read(_output)} Errors: {Read(_errors)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until <paramref name="path"/> exists (the bot holds its lock file once the database is open).</summary>
    public static async Task WaitForFileAsync(string path)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} did not appear within {Limit}");
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
    }

    private static void Collect(string? line, StringBuilder into, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (into)
        {
            into.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
