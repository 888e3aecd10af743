using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsBot.Tests.Feeds;

public sealed class FeedPollingServiceTests : IDisposable
{
    private readonly PollingHarness _polling = new(new FeedsOptions
    {
        PollInterval = TimeSpan.FromMinutes(10),
        MaxConcurrentFetches = 8,
        MaxConcurrentFetchesPerHost = 2,
    });

    public void Dispose() => _polling.Dispose();

    [Fact]
    public async Task PollDue_ManySourcesOnOneHost_NeverMoreThanThePerHostCapAtOnce()
    {
        var current = 0;
        var peak = 0;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed/{n}", async (int n) =>
        {
            var now = Interlocked.Increment(ref current);
            InterlockedMax(ref peak, now);
            await Task.Delay(50);
            Interlocked.Decrement(ref current);
            return Results.Text(FeedSamples.Rss(1, $"s{n}"), "application/rss+xml");
        }));
        for (var n = 0; n < 10; n++)
        {
            await _polling.AddAsync(site.Url($"/feed/{n}"), $"Source {n}");
        }

        await _polling.PollDueAsync();

        Assert.InRange(peak, 1, 2);
        Assert.Equal(10, await _polling.Articles.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PollDue_AfterSuccess_SourcesSpreadAcrossTheInterval()
    {
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed/{n}", (int n) => Results.Text(FeedSamples.Rss(1, $"s{n}"), "application/rss+xml")));
        for (var n = 0; n < 40; n++)
        {
            await _polling.AddAsync(site.Url($"/feed/{n}"), $"Source {n}");
        }

        await _polling.PollDueAsync();

        var next = (await _polling.Sources.AllAsync(CancellationToken.None)).Select(s => s.NextPollAt!.Value).ToList();
        Assert.All(next, at => Assert.InRange(at, TestBot.Now.AddMinutes(5), TestBot.Now.AddMinutes(15)));
        Assert.True(next.Max() - next.Min() > TimeSpan.FromMinutes(5), "sources should not all be due at the same moment");
        Assert.True(next.Distinct().Count() > 30);
    }

    [Fact]
    public async Task PollDue_OnlySourcesWhoseTimeHasCome()
    {
        var hits = 0;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () =>
        {
            Interlocked.Increment(ref hits);
            return Results.Text(FeedSamples.Rss(1), "application/rss+xml");
        }));
        await _polling.AddAsync(site.Url("/feed"));

        await _polling.PollDueAsync();
        await _polling.PollDueAsync();
        _polling.Bot.Time.Advance(TimeSpan.FromMinutes(16));
        await _polling.PollDueAsync();

        Assert.Equal(2, hits);
    }

    [Fact]
    public async Task PollDue_OneBrokenSource_DoesNotStopTheOthers()
    {
        await using var site = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/good", () => Results.Text(FeedSamples.Rss(2), "application/rss+xml"));
            app.MapGet("/bad", (HttpContext c) =>
            {
                c.Abort();
                return Results.Empty;
            });
        });
        var bad = await _polling.AddAsync(site.Url("/bad"), "Bad");
        var good = await _polling.AddAsync(site.Url("/good"), "Good");

        await _polling.PollDueAsync();

        Assert.NotNull((await _polling.ReloadAsync(bad)).LastError);
        Assert.Null((await _polling.ReloadAsync(good)).LastError);
        Assert.Equal(2, await _polling.Articles.CountAsync(CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
