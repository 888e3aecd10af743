using Microsoft.Playwright;
using NewsBot.Core.Telemetry;

namespace NewsBot.Tests.Monitoring;

/// <summary>The status page in a real headless Chromium: the charts are drawn and the numbers are the database's.</summary>
public sealed class StatusPageBrowserTests
{
    private const string Token = "browser-test-token-0123456789";

    [Fact]
    public async Task StatusPage_InChromium_DrawsTheChartsAndShowsTheDatabasesNumbers()
    {
        var now = DateTimeOffset.UtcNow;
        Announcement delivered = null!, sending = null!;
        await using var host = await MonitoredHost.StartAsync(
            new()
            {
                ["Monitoring:AccessToken"] = Token,
                ["Feeds:Sources:4:Name"] = "Gone Gazette",
                ["Feeds:Sources:4:Url"] = "Samples/no-such-feed.xml",
            },
            seed: async services =>
            {
                var announcements = services.GetRequiredService<IAnnouncementStore>();
                delivered = await announcements.AddDraftAsync("telegram:1", "telegram:1", "Maintenance tonight at 22:00", now.AddHours(-2), CancellationToken.None);
                await announcements.ConfirmAsync(delivered.Id, now.AddHours(-2), CancellationToken.None);
                await announcements.MarkQueuedAsync(delivered.Id, 120, CancellationToken.None);
                await announcements.MarkDeliveredAsync(delivered.Id, new DeliveryFigures(115, 2, 3), now.AddHours(-1), CancellationToken.None);
                sending = await announcements.AddDraftAsync("telegram:1", "telegram:1", "New topics: <climate> & more", now, CancellationToken.None);
                await announcements.ConfirmAsync(sending.Id, now, CancellationToken.None);
                var reference = AnnouncementKeys.Reference(sending.Id);
                await services.GetRequiredService<IOutboxStore>().EnqueueAsync([
                    OutboxEntry.ForComposed("telegram:1", OutboxKind.Announcement, OutboxKeys.Announcement("telegram:1", reference), reference, now),
                    OutboxEntry.ForComposed("telegram:2", OutboxKind.Announcement, OutboxKeys.Announcement("telegram:2", reference), reference, now),
                    OutboxEntry.ForComposed("telegram:2", OutboxKind.Digest, OutboxKeys.Digest("telegram:2", 3, DateOnly.FromDateTime(now.UtcDateTime)), "3", now),
                ], CancellationToken.None);
                await announcements.MarkQueuedAsync(sending.Id, 2, CancellationToken.None);
            });

        // Three more minutes of history: 4, 0 and 7 messages accepted.
        var metrics = host.Get<NewsBotMetrics>();
        var history = host.Get<DeliveryHistory>();
        foreach (var sent in new[] { 4, 0, 7 })
        {
            for (var i = 0; i < sent; i++)
            {
                metrics.Sent("telegram", NewsBotMetrics.SendOutcomes.Sent);
            }

            await history.SampleAsync(CancellationToken.None);
        }

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Context.NewPageAsync();
        var response = await page.GotoAsync(host.Http.BaseAddress + "?token=" + Token);

        Assert.Equal(200, response!.Status);
        Assert.Equal("NewsBot status", await page.TitleAsync());
        var points = history.Snapshot();
        Assert.True(points.Count >= 4, $"{points.Count} history points");

        var outboxChart = await Box(page, "[data-chart=outbox] polyline");
        Assert.True(outboxChart.Width > 300, $"the outbox line is {outboxChart.Width} px wide");
        Assert.Equal(points.Count, (await page.GetAttributeAsync("[data-chart=outbox] polyline", "points"))!.Split(' ').Length);
        var bars = await page.Locator("[data-chart=delivery] rect.bar").CountAsync();
        Assert.Equal(points.Count, bars);
        var tallest = await page.EvalOnSelectorAllAsync<double>("[data-chart=delivery] rect.bar", "bars => Math.max(...bars.map(b => b.getBBox().height))");
        Assert.True(tallest > 50, $"the tallest bar (7 messages) is {tallest} px high");

        var pending = host.Get<IOutboxFigures>().PendingByKind();
        Assert.Equal(pending.Values.Sum(), await Number(page, "[data-field=outbox-pending]"));
        Assert.Equal(2, await Number(page, "[data-field=outbox-announcement]"));
        Assert.Equal(pending["digest"], await Number(page, "[data-field=outbox-digest]"));
        Assert.Equal(points.Sum(p => p.Sent), await Number(page, "[data-field=sent-last-hour]"));
        Assert.Equal(11, points.Sum(p => p.Sent));

        var sources = await host.Get<ISourceStore>().AllAsync(CancellationToken.None);
        Assert.Equal(sources.Count(s => s.Enabled && s.ConsecutiveFailures == 0), await Number(page, "[data-field=sources-healthy]"));
        Assert.Equal(1, await Number(page, "[data-field=sources-failing]"));
        foreach (var source in sources)
        {
            Assert.Equal(source.ItemCount, await Number(page, $"[data-source=\"{source.Id}\"] [data-field=articles]"));
        }

        Assert.Equal(115, await Number(page, $"[data-announcement=\"{delivered.Id}\"] [data-field=sent]"));
        Assert.Equal(3, await Number(page, $"[data-announcement=\"{delivered.Id}\"] [data-field=blocked]"));
        Assert.Equal(2, await Number(page, $"[data-announcement=\"{sending.Id}\"] [data-field=pending]"));
        Assert.Contains("New topics: <climate> & more", await page.InnerTextAsync($"[data-announcement=\"{sending.Id}\"]"), StringComparison.Ordinal);
        Assert.Equal("pass", await page.InnerTextAsync("[data-field=check-database]"));
        Assert.Equal("30", await page.GetAttributeAsync("meta[http-equiv=refresh]", "content"));

        var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        Assert.True(screenshot.Length > 10_000, $"the screenshot is only {screenshot.Length} bytes");
    }

    [Fact]
    public async Task StatusPage_InChromiumWithoutTheToken_ShowsNothing()
    {
        await using var host = await MonitoredHost.StartAsync(new() { ["Monitoring:AccessToken"] = Token });
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Context.NewPageAsync();

        var url = host.Http.BaseAddress + "?token=wrong";

        var answer = await chromium.Context.APIRequest.GetAsync(url);
        Assert.Equal(401, answer.Status);
        Assert.Equal("", await answer.TextAsync());

        // An empty 401 is an error page to Chromium: navigating there fails, nothing of the status shows.
        var error = await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync(url));
        Assert.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(double Width, double Height)> Box(IPage page, string selector)
    {
        var box = await page.EvalOnSelectorAsync<double[]>(selector, "e => { const b = e.getBBox(); return [b.width, b.height]; }");
        return (box[0], box[1]);
    }

    private static async Task<int> Number(IPage page, string selector) =>
        int.Parse((await page.InnerTextAsync(selector)).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
