using System.Reflection;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace NewsBot.Tests.Fakes;

/// <summary>
/// The real executable (<c>dotnet newsbot.dll</c>) in a working folder of its own, as an operator
/// runs it: arguments, environment, standard input, and what it writes to standard output and
/// standard error, which a test can wait on line by line. The settings of the test run itself
/// (DOTNET_ENVIRONMENT, Section__Key variables, service credentials, the locale) do not leak into
/// it, so it starts in Production and in English unless a test says otherwise. Disposing kills the process tree.
/// </summary>
public sealed class NewsBotProcess : IDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private const string Executable = "newsbot.dll";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly ChangeSignal _changes = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NewsBotProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(e.Data, _output, _outputClosed);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data, _errors, _errorsClosed);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Its standard input; <see cref="CloseInput"/> ends a chat as Ctrl+D would.</summary>
    public StreamWriter Input => _process.StandardInput;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output so far: what the terminal chat and the verbs print.</summary>
    public string OutputSoFar => Read(_output);

    /// <summary>Standard error so far: the log, and start-up failures.</summary>
    public string ErrorsSoFar => Read(_errors);

    /// <summary>Everything written to standard output, once it is closed.</summary>
    public Task<string> Output => _outputClosed.Task.ContinueWith(_ => Read(_output), TaskScheduler.Default);

    /// <summary>Everything written to standard error, once it is closed.</summary>
    public Task<string> Errors => _errorsClosed.Task.ContinueWith(_ => Read(_errors), TaskScheduler.Default);

    /// <summary>Starts the executable in <paramref name="workingDirectory"/>.</summary>
    /// <param name="environment">Variables on top of a clean set; HOME and DOTNET_ENVIRONMENT among them for user secrets.</param>
    /// <param name="appDirectory">Where newsbot.dll and its appsettings.json are (<see cref="CopyApp"/>); the test's own output folder by default.</param>
    /// <param name="launcher">A program and its arguments that run <c>dotnet</c> in turn, such as setpriv.</param>
    public static NewsBotProcess Start(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? appDirectory = null,
        IReadOnlyList<string>? launcher = null)
    {
        var command = new List<string>(launcher ?? []) { "dotnet", Path.Combine(appDirectory ?? AppContext.BaseDirectory, Executable) };
        command.AddRange(arguments);
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(LeaksIntoTheBot).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new NewsBotProcess(start);
    }

    /// <summary>Runs to the end with <paramref name="input"/> piped in; kills it past <see cref="Limit"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        string input = "",
        IReadOnlyDictionary<string, string>? environment = null,
        string? appDirectory = null,
        IReadOnlyList<string>? launcher = null)
    {
        using var process = Start(workingDirectory, arguments, environment, appDirectory, launcher);
        try
        {
            await process.Input.WriteAsync(input);
            process.CloseInput();
        }
        catch (IOException)
        {
            // It exited before reading its input (a start-up failure); WaitAsync tells how.
        }

        return await process.WaitAsync();
    }

    /// <summary>
    /// Copies the executable, the libraries it loads, its appsettings.json and the bundled samples
    /// into <paramref name="directory"/>: an installation of its own, whose settings files a test
    /// may break without touching the one every other test runs.
    /// </summary>
    public static string CopyApp(string directory)
    {
        var from = AppContext.BaseDirectory;
        Directory.CreateDirectory(directory);
        using var dependencies = JsonDocument.Parse(File.ReadAllText(Path.Combine(from, "newsbot.deps.json")));
        var libraries = dependencies.RootElement.GetProperty("targets").EnumerateObject().First().Value.EnumerateObject()
            .Where(library => library.Value.TryGetProperty("runtime", out _))
            .SelectMany(library => library.Value.GetProperty("runtime").EnumerateObject().Select(asset => Path.GetFileName(asset.Name)));
        var files = libraries.Concat(Directory.GetFiles(from, "newsbot.*").Select(Path.GetFileName)).Concat(Directory.GetFiles(from, "appsettings*.json").Select(Path.GetFileName));
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            File.Copy(Path.Combine(from, file!), Path.Combine(directory, file!));
        }

        Directory.CreateDirectory(Path.Combine(directory, "Samples"));
        foreach (var sample in Directory.GetFiles(Path.Combine(from, "Samples")))
        {
            File.Copy(sample, Path.Combine(directory, "Samples", Path.GetFileName(sample)));
        }

        return directory;
    }

    /// <summary>
    /// Where the bot looks for user secrets (in Development) when HOME is <paramref name="home"/>:
    /// .microsoft/usersecrets/{its UserSecretsId}/secrets.json.
    /// </summary>
    public static string UserSecretsFile(string home)
    {
        var id = typeof(NewsBot.Hosting.NewsBotHost).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()!.UserSecretsId;
        return Path.Combine(home, ".microsoft", "usersecrets", id, "secrets.json");
    }

    /// <summary>Closes standard input: the terminal chat ends as at the end of a piped file.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits for the exit (at most <see cref="Limit"/>, then kills it and fails) and returns how it ended.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"newsbot did not exit within {Limit}. It said: {ErrorsSoFar}");
        }

        return (_process.ExitCode, await Output, await Errors);
    }

    /// <summary>Sends SIGTERM, as a service manager stops a service.</summary>
    public async Task TerminateAsync() => await SignalAsync("-TERM");

    private async Task SignalAsync(string signal)
    {
        var (exitCode, said) = await ExternalTool.RunAsync("kill", signal, _process.Id.ToString(CultureInfo.InvariantCulture));
        Assert.True(exitCode == 0, $"kill {signal} failed: " + said);
    }

    /// <summary>Stops it where it is (SIGSTOP), as a long pause or a machine cut off from the network would.</summary>
    public async Task PauseAsync() => await SignalAsync("-STOP");

    /// <summary>Lets a paused process go on (SIGCONT).</summary>
    public async Task ResumeAsync() => await SignalAsync("-CONT");

    /// <summary>Kills it and all it started at once (SIGKILL), as a crash or a power cut would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits until standard output holds <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text) =>
        WaitUntilAsync(() => OutputSoFar.Contains(text, StringComparison.Ordinal), $"\"{text}\" on standard output");

    /// <summary>Waits until the log (standard error) holds <paramref name="text"/>.</summary>
    public Task WaitForLogAsync(string text) =>
        WaitUntilAsync(() => ErrorsSoFar.Contains(text, StringComparison.Ordinal), $"\"{text}\" in the log");

    /// <summary>Waits until <paramref name="path"/> exists (the bot holds its lock file once the database is open).</summary>
    public Task WaitForFileAsync(string path) => WaitUntilAsync(() => File.Exists(path), path + " to exist");

    /// <summary>
    /// Waits (at most <see cref="Limit"/>) for something the running bot brings about; fails at
    /// once, with its log, if it exits first.
    /// </summary>
    public Task WaitUntilAsync(Func<bool> condition, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what);

    /// <inheritdoc cref="WaitUntilAsync(Func{bool}, string)"/>
    public Task WaitUntilAsync(Func<Task<bool>> condition, string what) =>
        Eventually.WaitUntilAsync(
            condition,
            what,
            Limit,
            _changes,
            seen: () => $"output: {OutputSoFar} log: {ErrorsSoFar}",
            giveUpWhen: () => _process.HasExited && _outputClosed.Task.IsCompleted && _errorsClosed.Task.IsCompleted ? $"newsbot exited with code {_process.ExitCode}." : null);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>
    /// A setting, secret or environment name from the test run that would change what the bot reads,
    /// or the language the terminal chat speaks (the system's, unless a test sets LANG or LC_*).
    /// </summary>
    private static bool LeaksIntoTheBot(string name) =>
        name.Contains("__", StringComparison.Ordinal) ||
        name.StartsWith("LC_", StringComparison.Ordinal) ||
        name is "DOTNET_ENVIRONMENT" or "ASPNETCORE_ENVIRONMENT" or "CREDENTIALS_DIRECTORY" or "LANG" or "LANGUAGE";

    private void Collect(string? line, StringBuilder into, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            lock (into)
            {
                into.Append(line).Append('\n');
            }
        }

        _changes.Pulse();
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
