using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Storage.Postgres;

/// <summary>The schema steps: forward only, each whole or not at all, and made once however many instances start together.</summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private const string VersionTable = "CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());";

    private TemporaryPostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task InstancesStartingTogether_OnAnEmptyDatabase_CreateTheSchemaOnce()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(_database.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.EnsureSchemaAsync(CancellationToken.None))));

            Assert.All(instances, i => Assert.Equal(PostgresMigrations.Latest, i.SchemaVersion));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }

        Assert.Equal(Enumerable.Range(1, PostgresMigrations.Latest), await _database.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version"));
    }

    [Fact]
    public async Task InstancesStartingTogether_WaitForTheOneThatMigrates_AndEachStepRunsOnce()
    {
        // A slow first step, so every instance is there while it runs; without the lock the
        // others would create the same tables at the same time and fail.
        IReadOnlyList<PostgresMigration> steps =
        [
            new(1, "slow", VersionTable + "CREATE TABLE runs (step integer NOT NULL); INSERT INTO runs VALUES (1); SELECT pg_sleep(0.5);"),
            new(2, "second", "INSERT INTO runs VALUES (2);"),
        ];
        var instances = Enumerable.Range(0, 3).Select(_ => new PostgresDatabase(_database.ConnectionString, steps, null)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.EnsureSchemaAsync(CancellationToken.None))));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }

        Assert.Equal([1, 2], await _database.QueryAsync<int>("SELECT step FROM runs ORDER BY step"));
        Assert.Equal([1, 2], await _database.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version"));
    }

    [Fact]
    public async Task NewSteps_RunAfterTheOnesAlreadyThere_AndOnlyThey()
    {
        PostgresMigration first = new(1, "first", VersionTable + "CREATE TABLE runs (step integer NOT NULL); INSERT INTO runs VALUES (1);");
        await using (var old = new PostgresDatabase(_database.ConnectionString, [first], null))
        {
            await old.EnsureSchemaAsync(CancellationToken.None);
        }

        await using var newer = new PostgresDatabase(_database.ConnectionString, [first, new(2, "second", "INSERT INTO runs VALUES (2);"), new(3, "third", "INSERT INTO runs VALUES (3);")], null);
        await newer.EnsureSchemaAsync(CancellationToken.None);
        await newer.EnsureSchemaAsync(CancellationToken.None);

        Assert.Equal(3, newer.SchemaVersion);
        Assert.Equal([1, 2, 3], await _database.QueryAsync<int>("SELECT step FROM runs ORDER BY step"));
        Assert.Equal(["first", "second", "third"], await _database.QueryAsync<string>("SELECT description FROM schema_version ORDER BY version"));
    }

    [Fact]
    public async Task AFailingStep_IsUndoneWhole_TheStepsBeforeItStay_AndTheNextStartTriesAgain()
    {
        PostgresMigration first = new(1, "first", VersionTable + "CREATE TABLE runs (step integer NOT NULL);");
        PostgresMigration broken = new(2, "broken", "CREATE TABLE half (x integer); INSERT INTO runs VALUES (2); SELECT 1 / 0;");
        await using (var failing = new PostgresDatabase(_database.ConnectionString, [first, broken], null))
        {
            var failure = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => failing.EnsureSchemaAsync(CancellationToken.None));
            Assert.Contains("Storage:Postgres:ConnectionString", failure.Message, StringComparison.Ordinal);
        }

        Assert.Equal([1], await _database.QueryAsync<int>("SELECT version FROM schema_version"));
        Assert.Empty(await _database.QueryAsync<int>("SELECT step FROM runs"));
        Assert.Empty(await _database.QueryAsync<string>("SELECT tablename::text FROM pg_tables WHERE tablename = 'half'"));

        await using var fixedUp = new PostgresDatabase(_database.ConnectionString, [first, broken with { Sql = "INSERT INTO runs VALUES (2);" }], null);
        await fixedUp.EnsureSchemaAsync(CancellationToken.None);
        Assert.Equal([2], await _database.QueryAsync<int>("SELECT step FROM runs"));
    }

    [Fact]
    public async Task Steps_MustBeNumberedFromOneWithoutGaps()
    {
        await using var database = new PostgresDatabase(_database.ConnectionString, [new(1, "a", VersionTable), new(3, "c", "SELECT 1;")], null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.EnsureSchemaAsync(CancellationToken.None));
        Assert.Empty(await _database.QueryAsync<string>("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public void TheReleasedSteps_AreNumberedFromOne()
    {
        Assert.Equal(Enumerable.Range(1, PostgresMigrations.All.Count), PostgresMigrations.All.Select(m => m.Version));
    }
}
