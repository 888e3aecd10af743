namespace NewsBot.Tests.Roles;

/// <summary>
/// Three instances of the real executable on a PostgreSQL server of their own, which is
/// restarted while they run: they reconnect, lose nothing (a story published after the restart
/// reaches each of 2,000 chats once), and say that they lost the database's changes once, and
/// once that they follow them again.
/// </summary>
public sealed class PostgresRestartProcessTests : IAsyncLifetime, IDisposable
{
    private const int Chats = 2_000;

    private readonly TempDirectory _workingDirectory = new();
    private FakeTelegramServer _telegram = null!;
    private string _serverFolder = "";
    private string _connectionString = "";

    private string FeedPath => Path.Combine(_workingDirectory.Path, "wire.xml");

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        var (exitCode, said) = await ExternalTool.RunAsync(Script, "start");
        Assert.True(exitCode == 0, "Could not start a PostgreSQL server of this test's own with .ci/postgres start: " + said);
        _serverFolder = Value(said, "NEWSBOT_TEST_POSTGRES_DIR");
        _connectionString = Value(said, "NEWSBOT_TEST_POSTGRES");
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        if (_serverFolder.Length > 0)
        {
            await ExternalTool.RunAsync(Script, "stop", _serverFolder);
        }
    }

    public void Dispose() => _workingDirectory.Dispose();

    [Fact]
    public async Task PostgresRestarted_InstancesReconnect_LoseNothing_AndSaySoOnce()
    {
        var chats = new SubscribedChats(_connectionString, FeedPath, "aldermoor", Chats, 800_000);
        await chats.SeedAsync("Wire");
        using var first = Start("first");
        await first.WaitForLogAsync("now holds the role dispatching:telegram");
        using var second = Start("second");
        using var third = Start("third");
        await second.WaitForLogAsync("Telegram: connected as");
        await third.WaitForLogAsync("Telegram: connected as");

        var (exitCode, said) = await ExternalTool.RunAsync(Script, "restart", _serverFolder);
        Assert.True(exitCode == 0, "The restart failed: " + said);
        var instances = new[] { first, second, third };
        foreach (var instance in instances)
        {
            await instance.WaitForLogAsync("Following the database's changes again");
        }

        await chats.PublishAsync(items: 2);
        await first.WaitUntilAsync(() => Delivered().Select(r => r.ChatId).Distinct().Count() >= Chats, "every chat to get the story published after the restart");
        Assert.Equal(Chats, Delivered().Count);
        Assert.All(Delivered(), push => Assert.True(chats.IsTheStory(push), "a push that is not the story: " + push.Text));
        foreach (var instance in instances)
        {
            Assert.Equal(1, Occurrences(instance.ErrorsSoFar, "Cannot follow the database's changes"));
            Assert.Equal(1, Occurrences(instance.ErrorsSoFar, "Following the database's changes again"));

            // Roles that could not be asked for while the server was away are said to be so once, not at every try.
            Assert.InRange(Occurrences(instance.ErrorsSoFar, "Could not ask for the role"), 0, 1);
            Assert.InRange(Occurrences(instance.ErrorsSoFar, "Roles can be asked for again"), 0, 1);
            Assert.False(instance.HasExited, "an instance stopped: " + instance.ErrorsSoFar);
        }
    }

    private static string Script => Path.Combine(RepositoryRoot(), ".ci", "postgres");

    private static int Occurrences(string text, string what) => text.Split(what).Length - 1;

    private static string Value(string exports, string name) =>
        System.Text.RegularExpressions.Regex.Match(exports, $"export {name}='([^']*)'").Groups[1].Value;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NewsBot.sln not found above " + AppContext.BaseDirectory);
    }

    private List<TelegramRequest> Delivered() => _telegram.Calls("sendMessage").Where(r => r.Succeeded).ToList();

    private NewsBotProcess Start(string name)
    {
        var folder = Path.Combine(_workingDirectory.Path, name);
        Directory.CreateDirectory(folder);
        return NewsBotProcess.Start(folder, ["run"], new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__Postgres__ConnectionString"] = _connectionString,
            ["Scaling__LeaseSeconds"] = "3",
            ["Telegram__Token"] = FakeTelegramServer.Token,
            ["Telegram__ApiBaseUrl"] = _telegram.BaseUrl,
            ["Feeds__Sources__0__Name"] = "Wire",
            ["Feeds__Sources__0__Url"] = FeedPath,
            ["Delivery__Telegram__MessagesPerSecond"] = "1000",
            ["Delivery__Telegram__PerChatPerSecond"] = "1000",
        });
    }
}
