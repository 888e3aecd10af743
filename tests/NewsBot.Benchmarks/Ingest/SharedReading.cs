using Npgsql;
using NewsBot.Benchmarks.Stores;

namespace NewsBot.Benchmarks.Ingest;

/// <summary>One cycle read by several instances sharing one PostgreSQL database, all polling at once.</summary>
/// <param name="PerInstance">How many sources each instance read, by the claims the database recorded.</param>
internal sealed record SharedCycle(CycleKind Kind, ResourceUsage Usage, SiteStats Site, int Polled, IReadOnlyList<int> PerInstance, int Added)
{
    /// <summary>The site was asked once per source and every source was read: no source twice, none left out.</summary>
    public bool EachReadOnce(int sources) => Site.Requests == sources && Polled == sources && PerInstance.Sum() == sources;
}

/// <summary>The cycles of <c>ingest --instances N</c>.</summary>
internal sealed record SharedReadingRun(int Instances, IReadOnlyList<SharedCycle> Cycles);

/// <summary>
/// <c>--instances N</c>: N pollers, each composed as its own instance (its own identity, fetcher
/// and index), on one new PostgreSQL database, claiming due sources with <c>SKIP LOCKED</c>.
/// They poll at once in each cycle; the site counts the requests and the database says who read
/// what. Runs after the stores' own cycles, so the JIT is warm.
/// </summary>
internal static class SharedReading
{
    public static async Task<SharedReadingRun> MeasureAsync(
        IngestSettings settings,
        FeedSiteProcess site,
        FeedGenerator generator,
        string folder,
        FeedsOptions options,
        IReadOnlyDictionary<string, List<string>> topics,
        PostgresDatabases postgres,
        CancellationToken cancellationToken)
    {
        ScenarioStart.Progress($"--- {settings.Instances} instances on one PostgreSQL database ---");
        var connection = await postgres.CreateAsync(cancellationToken);
        var clock = new ManualClock(FeedGenerator.PublishedAt(settings.Sources, settings.Items) + TimeSpan.FromMinutes(1));
        var rigs = new List<PollerRig>();
        try
        {
            for (var i = 0; i < settings.Instances; i++)
            {
                rigs.Add(new PollerRig(Path.Combine(folder, "shared", i.ToString(CultureInfo.InvariantCulture)), clock, options, topics, PostgresDatabases.Settings(connection)));
            }

            for (var source = 1; source <= settings.Sources; source++)
            {
                await rigs[0].Sources.EnsureAsync(generator.NameOf(source), site.Url(generator.PathOf(source)), generator.TopicsOf(source), fromConfiguration: false, cancellationToken);
            }

            var cycles = new List<SharedCycle> { await CycleAsync(CycleKind.FirstFetch, rigs, site, clock, connection, cancellationToken) };
            await IngestScenario.MakeEverySourceDueAsync(rigs[0], clock, null, cancellationToken);
            cycles.Add(await CycleAsync(CycleKind.NotModified, rigs, site, clock, connection, cancellationToken));
            if (settings.NewItemsInCycle4 > 0)
            {
                var firstItem = 1 + settings.NewItemsInCycle4;
                await site.PublishAsync(firstItem, cancellationToken);
                await IngestScenario.MakeEverySourceDueAsync(rigs[0], clock, FeedGenerator.PublishedAt(settings.Sources, firstItem + settings.Items - 1) + TimeSpan.FromMinutes(1), cancellationToken);
                cycles.Add(await CycleAsync(CycleKind.PartlyNew, rigs, site, clock, connection, cancellationToken));
                await site.PublishAsync(1, cancellationToken);
            }

            return new SharedReadingRun(settings.Instances, cycles);
        }
        finally
        {
            foreach (var rig in rigs)
            {
                rig.Dispose();
            }
        }
    }

    private static async Task<SharedCycle> CycleAsync(CycleKind kind, List<PollerRig> rigs, FeedSiteProcess site, ManualClock clock, string connection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = await site.StatsAsync(cancellationToken);
        var meter = ResourceMeter.Start();
        var added = await Task.WhenAll(rigs.Select(r => Task.Run(() => r.Scheduler.PollDueAsync(cancellationToken), cancellationToken)));
        var usage = meter.Stop();
        var served = (await site.StatsAsync(cancellationToken)).Minus(before);
        var readBy = await ReadByAsync(connection, now, cancellationToken);
        var perInstance = rigs.Select(r => readBy.GetValueOrDefault(r.InstanceId)).ToList();
        var polled = (await rigs[0].Sources.AllAsync(cancellationToken)).Count(s => s.LastAttemptAt >= now);
        var cycle = new SharedCycle(kind, usage, served, polled, perInstance, added.Sum());
        ScenarioStart.Progress($"{rigs.Count} instances, {kind}: {usage.Wall.TotalSeconds:0.00} s wall, {usage.Cpu.TotalSeconds:0.00} s CPU, site asked {served.Requests:N0} times, read per instance {string.Join(" + ", perInstance)}, {added.Sum():N0} stored");
        return cycle;
    }

    /// <summary>The sources each instance read in the cycle that started at <paramref name="since"/>: the claim stays with the last reader.</summary>
    private static async Task<Dictionary<string, int>> ReadByAsync(string connectionString, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT claimed_by, count(*)::integer FROM sources WHERE last_attempt_at >= $1 GROUP BY claimed_by", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = since.UtcDateTime });
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.IsDBNull(0) ? "" : reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }
}
