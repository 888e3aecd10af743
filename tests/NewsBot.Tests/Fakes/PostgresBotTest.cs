namespace NewsBot.Tests.Fakes;

/// <summary>
/// A test class whose every test has a new PostgreSQL database of its own and one or more bots
/// stored in it (<see cref="StartBot"/>), as instances of NewsBot sharing that database are.
/// </summary>
public abstract class PostgresBotTest : IAsyncLifetime, IDisposable
{
    private readonly List<TestBot> _bots = [];

    protected TemporaryPostgresDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await PostgresServer.CreateDatabaseAsync();
        await StartAsync();
    }

    /// <summary>What the class sets up once its database exists: its bots, at the least.</summary>
    protected abstract Task StartAsync();

    /// <summary>A bot that stores in this test's database, with <paramref name="settings"/> besides.</summary>
    protected TestBot StartBot(
        Action<NewsBotOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = Database.ConnectionString,
        };
        var bot = new TestBot(configure, services, all);
        _bots.Add(bot);
        return bot;
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public void Dispose()
    {
        foreach (var bot in _bots)
        {
            bot.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
