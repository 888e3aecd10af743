namespace NewsBot.Tests.Deploy;

/// <summary>The systemd units in deploy/, checked by systemd itself and against the bot's own settings.</summary>
public sealed class ServiceUnitTests
{
    private static readonly string Deploy = Path.Combine(AppContext.BaseDirectory, "deploy");

    [Theory]
    [InlineData("newsbot.service", "newsbot.service")]
    [InlineData("newsbot@.service", "newsbot@community.service")]
    [InlineData("newsbot-scaled@.service", "newsbot-scaled@1.service")]
    public async Task Unit_PassesSystemdAnalyzeVerify(string file, string unit)
    {
        var analyze = SystemdAnalyze();
        using var root = new TempDirectory();
        Layout(root.Path);

        var (exitCode, output) = await ExternalTool.RunAsync(analyze, "verify", "--root=" + root.Path, "--man=no", unit);

        Assert.True(exitCode == 0 && output.Trim().Length == 0, $"systemd-analyze verify {file} (exit code {exitCode}):\n{output}");
    }

    [Theory]
    [InlineData("newsbot.service")]
    [InlineData("newsbot@.service")]
    [InlineData("newsbot-scaled@.service")]
    public void Unit_DoesNotRestartOnBadConfiguration_AndOutwaitsTheShutdown(string file)
    {
        var unit = Read(file);

        Assert.Equal("on-failure", unit["Restart"].Single());
        Assert.Equal(StartupFailure.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), unit["RestartPreventExitStatus"].Single());
        var stopTimeout = TimeSpan.FromSeconds(int.Parse(unit["TimeoutStopSec"].Single().TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(stopTimeout >= NewsBotHost.ShutdownTimeout + TimeSpan.FromSeconds(10), $"TimeoutStopSec {stopTimeout} must outlast the host's shutdown ({NewsBotHost.ShutdownTimeout}) with room to spare");
        Assert.Equal(NewsBotHost.ShutdownTimeout, BuildHost([]).Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("newsbot.service")]
    [InlineData("newsbot@.service")]
    [InlineData("newsbot-scaled@.service")]
    public void Unit_RunsAsADedicatedUserOnAReadOnlySystem(string file)
    {
        var unit = Read(file);

        Assert.Equal("newsbot", unit["User"].Single());
        Assert.Equal("strict", unit["ProtectSystem"].Single());
        Assert.Equal("yes", unit["NoNewPrivileges"].Single());
        Assert.StartsWith("newsbot", unit["StateDirectory"].Single(), StringComparison.Ordinal);
        Assert.Equal("/usr/bin/dotnet /opt/newsbot/" + Path.GetFileName(typeof(NewsBotHost).Assembly.Location) + " run", unit["ExecStart"].Single());
    }

    [Fact]
    public void Unit_EnvironmentSettings_AreSettingsTheBotReads()
    {
        var unit = Read("newsbot.service");
        var settings = unit["Environment"]
            .Select(e => e.Split('=', 2))
            .Where(pair => pair[0].Contains("__", StringComparison.Ordinal))
            .ToDictionary(pair => pair[0].Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair[1]);

        using var host = BuildHost(settings);

        Assert.Equal("/var/lib/newsbot", host.Services.GetRequiredService<IOptions<NewsBotOptions>>().Value.DataDirectory);
        Assert.Equal("http://127.0.0.1:9300", host.Services.GetRequiredService<IOptions<MonitoringOptions>>().Value.ListenUrl);
        Assert.Equal(2, settings.Count);
    }

    /// <summary>A small root file system: systemd's own units, a dotnet host and the published app where the unit expects them.</summary>
    private static void Layout(string root)
    {
        var systemUnits = new[] { "/usr/lib/systemd/system", "/lib/systemd/system" }.First(Directory.Exists);
        CopyDirectory(systemUnits, Path.Combine(root, "usr/lib/systemd/system"));
        Directory.CreateDirectory(Path.Combine(root, "usr/bin"));
        File.Copy(DotnetHost(), Path.Combine(root, "usr/bin/dotnet"));
        Directory.CreateDirectory(Path.Combine(root, "opt/newsbot"));
        File.Copy(typeof(NewsBotHost).Assembly.Location, Path.Combine(root, "opt/newsbot", Path.GetFileName(typeof(NewsBotHost).Assembly.Location)));
        Directory.CreateDirectory(Path.Combine(root, "etc/systemd/system"));
        foreach (var unit in Directory.GetFiles(Deploy, "*.service"))
        {
            File.Copy(unit, Path.Combine(root, "etc/systemd/system", Path.GetFileName(unit)));
        }
    }

    private static string SystemdAnalyze()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "systemd-analyze"))
            .FirstOrDefault(File.Exists);
        Assert.True(found is not null, "systemd-analyze is not installed, so the units in deploy/ cannot be checked. Install Debian's systemd package (apt-get install systemd); .ci/run does this when it is missing.");
        return found!;
    }

    private static string DotnetHost()
    {
        var path = Process.GetCurrentProcess().MainModule?.FileName;
        Assert.True(path is not null && Path.GetFileName(path) == "dotnet", $"the tests run under {path}, not the dotnet host");
        return path!;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(Path.Combine(to, info.Name), link);
            }
            else
            {
                File.Copy(file, Path.Combine(to, info.Name));
            }
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is { } link)
            {
                Directory.CreateSymbolicLink(Path.Combine(to, info.Name), link);
            }
            else
            {
                CopyDirectory(directory, Path.Combine(to, info.Name));
            }
        }
    }

    /// <summary>The [Service] and [Unit] keys of a unit file, each with its values in order (comments left out).</summary>
    private static Dictionary<string, List<string>> Read(string file)
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(Deploy, file)).Select(l => l.Trim()))
        {
            if (line.Length == 0 || line[0] is '#' or ';' or '[')
            {
                continue;
            }

            var (key, value) = (line[..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (!keys.TryGetValue(key, out var values))
            {
                keys[key] = values = [];
            }

            values.Add(value);
        }

        return keys;
    }

    private static IHost BuildHost(Dictionary<string, string?> settings) =>
        NewsBotHost.CreateBuilder(HostMode.Service, c => c.AddInMemoryCollection(settings)).Build();
}
