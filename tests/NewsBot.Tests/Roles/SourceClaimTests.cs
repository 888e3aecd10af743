using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Roles;

/// <summary>Instances share the reading of sources: a due source is claimed by one, and by another only once that claim ran out.</summary>
public sealed class SourceClaimTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    private TemporaryPostgresDatabase _server = null!;
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.CreateDatabaseAsync();
        _database = new PostgresDatabase(_server.ConnectionString);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task InstancesClaimingTogether_GetDisjointSources_AndEveryDueSourceOnce()
    {
        var sources = new PostgresSourceStore(_database);
        for (var i = 0; i < 40; i++)
        {
            await sources.EnsureAsync($"Feed {i}", $"https://feeds.example/{i}.xml", [], fromConfiguration: false, CancellationToken.None);
        }

        var claims = new PostgresSourceClaims(_database);
        var now = DateTimeOffset.UtcNow;
        var rounds = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var mine = new List<int>();
            while ((await claims.ClaimDueAsync($"instance-{i}", now, 3, Long, CancellationToken.None)) is { Count: > 0 } claimed)
            {
                mine.AddRange(claimed.Select(s => s.Id));
            }

            return mine;
        })));

        var all = rounds.SelectMany(r => r).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }

    [Fact]
    public async Task AClaimThatRanOut_LetsAnotherInstanceReadTheSource_AndAReadSourceIsNotDueAgain()
    {
        var sources = new PostgresSourceStore(_database);
        var dead = await sources.EnsureAsync("Dead man's feed", "https://feeds.example/dead.xml", [], fromConfiguration: false, CancellationToken.None);
        var read = await sources.EnsureAsync("Read feed", "https://feeds.example/read.xml", [], fromConfiguration: false, CancellationToken.None);
        var claims = new PostgresSourceClaims(_database);
        var now = DateTimeOffset.UtcNow;

        Assert.Equal([dead.Id], (await claims.ClaimDueAsync("a", now, 1, TimeSpan.FromMilliseconds(300), CancellationToken.None)).Select(s => s.Id));
        Assert.Equal([read.Id], (await claims.ClaimDueAsync("b", now, 1, TimeSpan.FromMilliseconds(300), CancellationToken.None)).Select(s => s.Id));
        Assert.Empty(await claims.ClaimDueAsync("b", now, 10, Long, CancellationToken.None));
        await sources.SaveAsync(read with { NextPollAt = now.AddMinutes(10) }, CancellationToken.None);
        await _server.ExecuteAsync("SELECT pg_sleep(0.4)");

        // Instance a died before it read its source: its claim ran out, and b takes it; b's own source was read and is not due.
        var taken = await claims.ClaimDueAsync("b", now, 10, Long, CancellationToken.None);

        Assert.Equal([dead.Id], taken.Select(s => s.Id));
    }

    [Fact]
    public async Task OnOneProcessesDatabase_EveryDueSourceIsItsOwn_MostOverdueFirst()
    {
        await using var rig = await new NewsBot.Tests.Storage.Contract.LiteDbStores().CreateAsync();
        var now = DateTimeOffset.UtcNow;
        var late = await rig.Sources.EnsureAsync("Late", "https://feeds.example/late.xml", [], false, CancellationToken.None);
        var later = await rig.Sources.EnsureAsync("Later", "https://feeds.example/later.xml", [], false, CancellationToken.None);
        var notYet = await rig.Sources.EnsureAsync("Not yet", "https://feeds.example/not-yet.xml", [], false, CancellationToken.None);
        await rig.Sources.SaveAsync(late with { NextPollAt = now.AddMinutes(-1) }, CancellationToken.None);
        await rig.Sources.SaveAsync(later with { NextPollAt = now.AddMinutes(-5) }, CancellationToken.None);
        await rig.Sources.SaveAsync(notYet with { NextPollAt = now.AddMinutes(5) }, CancellationToken.None);

        var claimed = await new UnsharedSourceClaims(rig.Sources).ClaimDueAsync("solo", now, 10, Long, CancellationToken.None);

        Assert.Equal([later.Id, late.Id], claimed.Select(s => s.Id));
    }

    [Fact]
    public async Task APausedSource_IsNotClaimed_OnPostgresNorOnOneProcessesDatabase()
    {
        var now = DateTimeOffset.UtcNow;
        var shared = new PostgresSourceStore(_database);
        var pausedThere = await shared.EnsureAsync("Paused", "https://feeds.example/paused.xml", [], false, CancellationToken.None);
        var runningThere = await shared.EnsureAsync("Running", "https://feeds.example/running.xml", [], false, CancellationToken.None);
        await shared.UpdateSettingsAsync(pausedThere with { Paused = true }, CancellationToken.None);
        await using var rig = await new NewsBot.Tests.Storage.Contract.LiteDbStores().CreateAsync();
        var pausedHere = await rig.Sources.EnsureAsync("Paused", "https://feeds.example/paused.xml", [], false, CancellationToken.None);
        var runningHere = await rig.Sources.EnsureAsync("Running", "https://feeds.example/running.xml", [], false, CancellationToken.None);
        await rig.Sources.UpdateSettingsAsync(pausedHere with { Paused = true }, CancellationToken.None);

        var claimedThere = await new PostgresSourceClaims(_database).ClaimDueAsync("a", now, 10, Long, CancellationToken.None);
        var claimedHere = await new UnsharedSourceClaims(rig.Sources).ClaimDueAsync("solo", now, 10, Long, CancellationToken.None);

        Assert.Equal([runningThere.Id], claimedThere.Select(s => s.Id));
        Assert.Equal([runningHere.Id], claimedHere.Select(s => s.Id));
    }
}
