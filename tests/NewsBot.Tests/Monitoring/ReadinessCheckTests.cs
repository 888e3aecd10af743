using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;
using NewsBot.Core.Delivery;
using NewsBot.Core.Telemetry;
using NewsBot.Feeds;
using NewsBot.Monitoring;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Monitoring;

/// <summary>The feed and outbox checks over real LiteDB stores, on a fake clock.</summary>
public sealed class ReadinessCheckTests : IDisposable
{
    private readonly TestBot _bot = new(services: s => s.AddOptions<FeedsOptions>());

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void Feeds_EverySourceReadOnTime_Passes()
    {
        var source = _bot.Source("Wire");
        _bot.Get<ISourceStore>().Save(source with { LastAttemptAt = TestBot.Now.AddMinutes(-3), NextPollAt = TestBot.Now.AddMinutes(7) });

        var result = FeedsCheck().Check();

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("1 sources, last read 3 min ago", result.Detail);
    }

    [Fact]
    public void Feeds_SourceWaitingLongerThanAPollInterval_Fails()
    {
        var source = _bot.Source("Wire");
        _bot.Get<ISourceStore>().Save(source with { LastAttemptAt = TestBot.Now.AddMinutes(-40), NextPollAt = TestBot.Now.AddMinutes(-30) });

        var result = FeedsCheck().Check();

        Assert.False(result.Healthy);
        Assert.Contains($"source #{source.Id} Wire has waited 30 min past its time", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Feeds_DisabledSourceLongOverdue_DoesNotCount()
    {
        var source = _bot.Source("Wire");
        _bot.Get<ISourceStore>().Save(source with { Enabled = false, NextPollAt = TestBot.Now.AddDays(-3) });

        var result = FeedsCheck().Check();

        Assert.True(result.Healthy, result.Detail);
    }

    [Fact]
    public void Outbox_EntryDueLongAgoAndNothingSettled_Fails()
    {
        Enqueue("telegram:5", TestBot.Now.AddMinutes(-20));
        using var history = History();

        var result = OutboxCheck(history).Check();

        Assert.False(result.Healthy);
        Assert.Contains("1 pending; a telegram message has been due since", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Outbox_EntryDueLongAgoWhileSendsSettle_Passes()
    {
        Enqueue("telegram:5", TestBot.Now.AddMinutes(-20));
        using var history = History();
        _bot.Get<NewsBotMetrics>().Sent("telegram", NewsBotMetrics.SendOutcomes.Sent);

        var result = OutboxCheck(history).Check();

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("1 pending", result.Detail);
    }

    [Fact]
    public void Outbox_EntryDueRecently_Passes()
    {
        Enqueue("telegram:5", TestBot.Now.AddMinutes(-5));
        using var history = History();

        var result = OutboxCheck(history).Check();

        Assert.True(result.Healthy, result.Detail);
    }

    [Fact]
    public void Outbox_EntryOfAPlatformNotRunning_DoesNotCount()
    {
        Enqueue("discord:5", TestBot.Now.AddHours(-2));
        using var history = History();

        var result = OutboxCheck(history).Check();

        Assert.True(result.Healthy, result.Detail);
    }

    private FeedsCheck FeedsCheck() => new(_bot.Get<ISourceStore>(), _bot.Get<IOptionsMonitor<FeedsOptions>>(), _bot.Time);

    private DeliveryHistory History() => new(_bot.Get<NewsBotMetrics>(), _bot.Get<IOutboxStore>(), _bot.Time, NullLogger<DeliveryHistory>.Instance);

    private OutboxCheck OutboxCheck(DeliveryHistory history) => new([new ScriptedSender("telegram")], _bot.Get<IOutboxStore>(), history, _bot.Time);

    private void Enqueue(string chatKey, DateTimeOffset due) =>
        _bot.Get<IOutboxStore>().Enqueue([OutboxEntry.ForComposed(chatKey, OutboxKind.Announcement, OutboxKeys.Announcement(chatKey, "1"), "1", due, due)]);
}
