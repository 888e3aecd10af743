namespace NewsBot.Benchmarks.Ingest;

/// <summary>What the site served so far: cumulative counters, subtracted cycle by cycle.</summary>
internal sealed record SiteStats(long Requests, long Ok, long NotModified, long Other, long BytesSent)
{
    public SiteStats Minus(SiteStats earlier) =>
        new(Requests - earlier.Requests, Ok - earlier.Ok, NotModified - earlier.NotModified, Other - earlier.Other, BytesSent - earlier.BytesSent);
}

/// <summary>One published round of feed copies.</summary>
internal sealed record PublishedWindow(int FirstItem, int Documents, long Items, long Bytes, long WireBytes, double Seconds);

/// <summary>
/// Runs <see cref="FeedSite"/> in a child process (this same benchmark executable with
/// <c>ingest --serve</c>) and drives it over its standard input. A separate process keeps the
/// site out of what is measured: the process CPU time, the working set and the garbage
/// collector of the benchmark process are NewsBot's alone. The site's own CPU time is read
/// from outside, per cycle. The child ends when told to, when its input closes (the benchmark
/// ended, however it ended), or, as a last resort, when it is killed here.
/// </summary>
internal sealed class FeedSiteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;

    private FeedSiteProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int ProcessId => _process.Id;

    /// <summary>The site process's CPU time so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<FeedSiteProcess> StartAsync(IngestSettings settings, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this executable is unknown.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };

        // Started as "dotnet NewsBot.Benchmarks.dll" the host needs the assembly; as the apphost it does not.
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(FeedSiteProcess).Assembly.Location);
        }

        foreach (var argument in settings.ChildArguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The feed site process did not start.");
        try
        {
            var line = await ReadLineAsync(process, StartTimeout, cancellationToken);
            if (!line.StartsWith(FeedSite.Listening + " ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The feed site process said '{line}' instead of its address.");
            }

            var uri = new Uri(line[(FeedSite.Listening.Length + 1)..]);
            if (!uri.IsLoopback)
            {
                throw new InvalidOperationException($"The feed site listens on {uri}, which is not loopback.");
            }

            return new FeedSiteProcess(process, uri);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    /// <summary>Makes every source's feed list items <paramref name="firstItem"/> onwards (new ETags wherever that changes the copy).</summary>
    public async Task<PublishedWindow> PublishAsync(int firstItem, CancellationToken cancellationToken)
    {
        var parts = await CommandAsync(string.Create(CultureInfo.InvariantCulture, $"{FeedSite.Publish} {firstItem}"), FeedSite.Published, cancellationToken);
        return new PublishedWindow(
            firstItem,
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture),
            long.Parse(parts[4], CultureInfo.InvariantCulture),
            double.Parse(parts[5], CultureInfo.InvariantCulture));
    }

    /// <summary>Whether a matching If-None-Match gets a 304 (true) or the whole feed again (false).</summary>
    public Task HonourValidatorsAsync(bool honour, CancellationToken cancellationToken) =>
        CommandAsync(FeedSite.Validators + (honour ? " honour" : " ignore"), FeedSite.Ok, cancellationToken);

    public async Task<SiteStats> StatsAsync(CancellationToken cancellationToken)
    {
        var parts = await CommandAsync(FeedSite.Stats, FeedSite.Stats, cancellationToken);
        var numbers = parts.Skip(1).Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new SiteStats(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync(FeedSite.Quit);
                await _process.StandardInput.FlushAsync();
                _process.StandardInput.Close();
                using var waiting = new CancellationTokenSource(ExitTimeout);
                await _process.WaitForExitAsync(waiting.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            // Stopped below.
        }
        finally
        {
            Stop(_process);
            _process.Dispose();
        }
    }

    private async Task<string[]> CommandAsync(string command, string expected, CancellationToken cancellationToken)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The feed site process has exited (code {_process.ExitCode}).");
        }

        await _process.StandardInput.WriteLineAsync(command.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        var line = await ReadLineAsync(_process, CommandTimeout, cancellationToken);
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0] != expected)
        {
            throw new InvalidOperationException($"The feed site answered '{line}' to '{command}'.");
        }

        return parts;
    }

    private static async Task<string> ReadLineAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await process.StandardOutput.ReadLineAsync(limit.Token)
                ?? throw new InvalidOperationException("The feed site process closed its output (it has probably failed; see above).");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The feed site process did not answer within {timeout.TotalSeconds:0} s.");
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(ExitTimeout);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            Console.Error.WriteLine($"Could not stop the feed site process: {ex.Message}");
        }
    }
}
