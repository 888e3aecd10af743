namespace NewsBot.Tests.Hosting;

/// <summary>The real executable, started as a newcomer would start it, with input piped in.</summary>
public sealed class ProcessTests : FolderTest
{
    /// <summary>Still root, but subject to file permissions like any other user.</summary>
    private static readonly string[] WithoutPermissionBypass = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"];

    [Fact]
    public async Task Chat_PipedCommands_AnswersEachAndExitsWithZero()
    {
        var (exitCode, output, errors) = await RunAsync(["chat"], "/start\n/latest\n/read 1\n/bookmark 1\n/bookmarks\n/read abc\n/nope\n");

        Assert.Equal(0, exitCode);
        Expect.ContainsAll(
            output,
            "Welcome to NewsBot", "Latest news — page 1 of", "Saved: ", "Your bookmarks (1)", "'abc' is not an article number", "I don't know /nope");
        Assert.DoesNotContain("Exception", output + errors, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Folder.Path, "data", "newsbot.db")));
    }

    [Fact]
    public async Task Chat_Exit_WritesTheIndexImage_AndTheNextStartTakesTheArticlesFromIt()
    {
        var loaderLogs = new Dictionary<string, string> { ["Logging__LogLevel__NewsBot.Hosting.ArticleIndexLoader"] = "Information" };
        var (firstExit, _, firstErrors) = await RunAsync(["chat"], "/latest\n", loaderLogs);
        Assert.Equal(0, firstExit);
        Assert.Contains("Read every stored article, not the index image: there is none", firstErrors, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Folder.Path, "data", "newsbot.index")));

        var (exitCode, output, errors) = await RunAsync(["chat"], "/latest\n", loaderLogs);

        Assert.Equal(0, exitCode);
        Assert.Contains("Started the index from its image", errors, StringComparison.Ordinal);
        Assert.Contains("Latest news — page 1 of", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutToken_SaysHowToAddOne_AndChats()
    {
        var (exitCode, output, errors) = await RunAsync([], "/topics\n", new() { ["Telegram__Token"] = "", ["Discord__Token"] = "" });

        Assert.Equal(0, exitCode);
        Assert.Contains("Telegram__Token", errors, StringComparison.Ordinal);
        Assert.Contains("Topics", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_SecondProcessOnTheSameData_StopsWithAClearMessage()
    {
        using var first = NewsBotProcess.Start(Folder.Path, ["chat"]);
        await first.WaitForFileAsync(Path.Combine(Folder.Path, "data", "newsbot.db.lock"));

        var (exitCode, _, errors) = await RunAsync(["chat"], "/latest\n");

        Assert.Equal(2, exitCode);
        Assert.Contains("in use by another NewsBot process", errors, StringComparison.Ordinal);
        first.CloseInput();
        Assert.Equal(0, (await first.WaitAsync()).ExitCode);
    }

    [Fact]
    public async Task Chat_BadSetting_StopsWithTheKeyNamed()
    {
        var (exitCode, _, errors) = await RunAsync(["chat"], "", new() { ["NewsBot__PageSize"] = "500" });

        Assert.Equal(2, exitCode);
        Assert.Contains("NewsBot:PageSize", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_BadSettingOnAFreshDataFolder_LeavesNothingThatALaterStartRefuses()
    {
        var (exitCode, _, _) = await RunAsync(["chat"], "", new() { ["NewsBot__PageSize"] = "500" });
        Assert.Equal(2, exitCode);

        var (fixedExit, output, errors) = await RunAsync(["chat"], "/topics\n");

        Assert.Equal(0, fixedExit);
        Assert.Contains("Topics", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not a NewsBot database", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_OnAFullDisk_SaysTheDiskIsFull_AndExitsWithTwo()
    {
        using var disk = new TinyDisk();
        disk.Fill();

        var (exitCode, _, errors) = await RunAsync(["chat"], "/latest\n", new() { ["NewsBot__DataDirectory"] = Path.Combine(disk.Path, "data") });

        Assert.Equal(2, exitCode);
        Assert.Contains("the disk is full", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(disk.Path, "data", "newsbot.db")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Chat_DatabaseThisUserMayNotRead_IsAPermissionProblemNamingPathAndUser_NotDamage()
    {
        Assert.True(Environment.UserName == "root", "This test runs NewsBot as root without the right to bypass file permissions (setpriv), which needs root, as .ci/run has.");
        var data = Path.Combine(Folder.Path, "data");
        NewsBotDatabase.Open(data).Dispose();
        var file = Path.Combine(data, NewsBotDatabase.FileName);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var (chownExit, chownOutput) = await ExternalTool.RunAsync("chown", "65534:65534", file);
        Assert.True(chownExit == 0, chownOutput);
        var before = File.ReadAllBytes(file);

        var (exitCode, _, errors) = await RunAsync(["chat"], "/latest\n", withoutPermissionBypass: true);

        Assert.Equal(2, exitCode);
        Assert.Contains($"NewsBot may not read {file}: permission denied for user root", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be read as a NewsBot database", errors, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public async Task UserSecrets_AreReadInDevelopmentOnly_NeverInProduction()
    {
        var home = Path.Combine(Folder.Path, "home");
        var secrets = NewsBotProcess.UserSecretsFile(home);
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        await File.WriteAllTextAsync(secrets, """{ "NewsBot": { "PageSize": 500 } }""");

        var (productionExit, output, _) = await RunAsync(["chat"], "/topics\n", new() { ["HOME"] = home, ["DOTNET_ENVIRONMENT"] = "" });
        var (developmentExit, _, errors) = await RunAsync(["chat"], "/topics\n", new() { ["HOME"] = home, ["DOTNET_ENVIRONMENT"] = "Development" });

        Assert.Equal(0, productionExit);
        Assert.Contains("Topics", output, StringComparison.Ordinal);
        Assert.Equal(2, developmentExit);
        Assert.Contains("NewsBot:PageSize", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_DescribesEveryVerb()
    {
        var (exitCode, output, _) = await RunAsync(["--help"], "");
        var (checkExit, checkHelp, _) = await RunAsync(["feeds", "check", "--help"], "");

        Assert.Equal(0, exitCode);
        Assert.Contains("chat", output, StringComparison.Ordinal);
        Assert.Contains("feeds", output, StringComparison.Ordinal);
        Assert.Equal(0, checkExit);
        Assert.Contains("--json", checkHelp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsCheck_BundledSample_PrintsJsonLines()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Samples", "harbour-street.json");

        var (exitCode, output, _) = await RunAsync(["feeds", "check", sample, "--json"], "");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(16, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("{\"title\":", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FeedsCheck_RelativePath_IsTakenFromTheCurrentDirectory()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Samples", "greenline-weekly.rdf"), Path.Combine(Folder.Path, "mine.rdf"));

        var (exitCode, output, _) = await RunAsync(["feeds", "check", "mine.rdf"], "");

        Assert.Equal(0, exitCode);
        Assert.Contains("RSS 1.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsExport_WritesTheSourcesAsOpml()
    {
        await RunAsync(["chat"], "/sources\n");

        var (exitCode, output, _) = await RunAsync(["feeds", "export"], "");

        Assert.Equal(0, exitCode);
        Assert.Contains("<opml version=\"2.0\">", output, StringComparison.Ordinal);
        Assert.Contains("xmlUrl=\"Samples/daily-circuit.xml\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsImport_NotOpml_SaysWhyAndExitsWithOne()
    {
        await File.WriteAllTextAsync(Path.Combine(Folder.Path, "list.opml"), "<html/>");

        var (exitCode, _, errors) = await RunAsync(["feeds", "import", "list.opml"], "");

        Assert.Equal(1, exitCode);
        Assert.Contains("not an OPML file", errors, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(string[] arguments, string input, Dictionary<string, string>? environment = null, bool withoutPermissionBypass = false) =>
        NewsBotProcess.RunAsync(Folder.Path, arguments, input, environment, launcher: withoutPermissionBypass ? WithoutPermissionBypass : null);
}
