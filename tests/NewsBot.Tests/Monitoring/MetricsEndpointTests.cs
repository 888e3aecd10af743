using System.Net;

namespace NewsBot.Tests.Monitoring;

/// <summary>Scrapes the real <c>/metrics</c> endpoint of a running host.</summary>
[Collection(MetricsRunAlone.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterCommands_CountsThemByNameAndOutcomeWithLatency()
    {
        await using var host = await MonitoredHost.StartAsync();
        await host.Get<TerminalChat>().RunAsync(new StringReader("/latest\n/latest 2\n/nope\n/topics\n"), new StringWriter(), interactive: false, CancellationToken.None);

        var metrics = await ScrapeAsync(host);

        Assert.Equal(2, metrics.Value("newsbot_command_duration_seconds_count", ("command", "latest"), ("outcome", "answered")));
        Assert.Equal(1, metrics.Value("newsbot_command_duration_seconds_count", ("command", "topics"), ("outcome", "answered")));
        Assert.Equal(1, metrics.Value("newsbot_command_duration_seconds_count", ("command", "unknown"), ("outcome", "unknown")));
        Assert.Equal(2, metrics.Value("newsbot_command_duration_seconds_bucket", ("command", "latest"), ("le", "+Inf")));
        Assert.True(metrics.Value("newsbot_command_duration_seconds_sum", ("command", "latest")) > 0);
        Assert.Contains("# TYPE newsbot_command_duration_seconds histogram", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterTheFirstFeedRound_CountFetchesIngestAndSourcesAsStored()
    {
        await using var host = await MonitoredHost.StartAsync(new()
        {
            ["Feeds:Sources:4:Name"] = "Gone Gazette",
            ["Feeds:Sources:4:Url"] = "Samples/no-such-feed.xml",
        });

        var metrics = await ScrapeAsync(host);

        Assert.Equal(4, metrics.Value("newsbot_feed_fetches_total", ("outcome", "200")));
        Assert.Equal(1, metrics.Value("newsbot_feed_fetches_total", ("outcome", "error")));
        Assert.Equal(await host.Get<IArticleStore>().CountAsync(CancellationToken.None), metrics.Value("newsbot_articles_ingested_total"));
        Assert.Equal(4, metrics.Value("newsbot_sources", ("state", "healthy")));
        Assert.Equal(1, metrics.Value("newsbot_sources", ("state", "failing")));
        Assert.Equal(0, metrics.Value("newsbot_sources", ("state", "disabled")));
    }

    [Fact]
    public async Task Metrics_OutboxPending_IsCountedByKindFromTheDatabase()
    {
        await using var host = await MonitoredHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await host.Get<IOutboxStore>().EnqueueAsync([
            OutboxEntry.ForComposed("telegram:1", OutboxKind.Announcement, OutboxKeys.Announcement("telegram:1", "1"), "1", now),
            OutboxEntry.ForComposed("telegram:2", OutboxKind.Announcement, OutboxKeys.Announcement("telegram:2", "1"), "1", now),
            OutboxEntry.ForComposed("telegram:2", OutboxKind.Digest, OutboxKeys.Digest("telegram:2", 3, new DateOnly(2026, 12, 1)), "3", now),
        ], CancellationToken.None);

        var metrics = await ScrapeAsync(host);

        Assert.Equal(2, metrics.Value("newsbot_outbox_pending", ("kind", "announcement")));
        Assert.Equal(1, metrics.Value("newsbot_outbox_pending", ("kind", "digest")));
        Assert.Equal(0, metrics.Value("newsbot_outbox_pending", ("kind", "story")));
    }

    [Fact]
    public async Task Metrics_SendsAndFloodWaits_AreCountedByPlatformAndOutcome()
    {
        await using var host = await MonitoredHost.StartAsync();
        var article = (await host.Get<IArticleStore>().GetAsync(1, CancellationToken.None))!;
        var now = DateTimeOffset.UtcNow;
        await host.Get<IOutboxStore>().EnqueueAsync([
            OutboxEntry.ForStories("telegram:1", OutboxKeys.Stories("telegram:1", article.Id), [article.StoryLeadId], [article.Id], now, now),
            OutboxEntry.ForStories("telegram:2", OutboxKeys.Stories("telegram:2", article.Id), [article.StoryLeadId], [article.Id], now, now),
        ], CancellationToken.None);
        var sender = new ScriptedSender("telegram");
        sender.Always("telegram:2", new SendOutcome.RetryAfter(TimeSpan.FromSeconds(30), Global: false));

        await host.Get<DeliveryDispatcher>().DispatchRoundAsync(sender, CancellationToken.None, CancellationToken.None);
        var metrics = await ScrapeAsync(host);

        Assert.Equal(1, metrics.Value("newsbot_sends_total", ("platform", "telegram"), ("outcome", "sent")));
        Assert.Equal(1, metrics.Value("newsbot_sends_total", ("platform", "telegram"), ("outcome", "rate_limited")));
        Assert.Equal(1, metrics.Value("newsbot_rate_limit_hits_total", ("platform", "telegram"), ("scope", "chat")));
        Assert.Equal(30, metrics.Value("newsbot_rate_limit_wait_seconds_total", ("platform", "telegram")));
    }

    [Fact]
    public async Task Metrics_ProcessMemoryAndGarbageCollection_AreExported()
    {
        await using var host = await MonitoredHost.StartAsync();
        GC.Collect(0);

        var metrics = await ScrapeAsync(host);

        Assert.True(metrics.Value("dotnet_process_memory_working_set_bytes") > 0, metrics.Text);
        Assert.True(metrics.Value("dotnet_gc_collections_total", ("gc_heap_generation", "gen0")) >= 1, metrics.Text);
    }

    private static async Task<PrometheusText> ScrapeAsync(MonitoredHost host)
    {
        using var response = await host.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }
}
