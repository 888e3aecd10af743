using NewsBot.Core.Changes;
using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Roles;

/// <summary>
/// Two instances on one PostgreSQL database: what one stores (articles, subscriptions, chat
/// settings, removals) reaches the other's structures in memory through the change feed, so
/// either answers with what the other stored a moment earlier.
/// </summary>
public sealed class ChangeFeedTests : PostgresBotTest
{
    private TestBot _writer = null!;
    private TestBot _reader = null!;

    protected override async Task StartAsync()
    {
        _writer = Instance(followsAlone: true);

        // The reader plans nothing: it takes its roles from the database and holds none here.
        _reader = Instance(followsAlone: false);
        await _writer.Get<ChangeFollower>().MarkAsync(CancellationToken.None);
        await _reader.Get<ChangeFollower>().MarkAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnArticleStoredByOneInstance_IsListedAndSearchedByTheOther_AfterItFollowsTheFeed()
    {
        var wire = _writer.Source("Wire");
        await _writer.IngestAsync(wire, TestBot.Entry("Glacier radar survey finds hidden lake"));

        Assert.DoesNotContain("Glacier radar", await _reader.SendAsync("/latest"), StringComparison.Ordinal);
        Assert.True(await _reader.Get<ChangeFollower>().CatchUpAsync(CancellationToken.None) > 0);

        Assert.Contains("Glacier radar survey finds hidden lake", await _reader.SendAsync("/latest"), StringComparison.Ordinal);
        Assert.Contains("Glacier radar survey finds hidden lake", await _reader.SendAsync("/search hidden lake"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubscriptionAndAChatSetting_MadeOnOneInstance_ReachTheOthersMatcherAndChats_AndSoDoTheirRemovals()
    {
        var wire = _writer.Source("Wire");
        await _writer.SubscribeAsync("/subscribe glacier", chat: "telegram:5", user: "telegram:5");
        await _writer.SendAsync("/timezone Europe/Berlin", chat: "telegram:5", user: "telegram:5");
        var article = (await _writer.IngestAsync(wire, TestBot.Entry("Glacier retreats a kilometre")))[0];

        await _reader.Get<ChangeFollower>().CatchUpAsync(CancellationToken.None);

        Assert.Equal(["telegram:5"], _reader.Get<SubscriptionMatcher>().Match(article).Select(s => s.ChatKey));
        Assert.Equal("Europe/Berlin", _reader.Get<ChatLifecycle>().Find(ChatAddress.Parse("telegram:5"))!.TimeZone);

        await _writer.SendAsync("/unsubscribe all", chat: "telegram:5", user: "telegram:5");
        await _writer.Get<IArticleStore>().DeleteOlderThanAsync(DateTimeOffset.UtcNow.AddYears(1), new HashSet<string>(), CancellationToken.None);
        await _reader.Get<ChangeFollower>().CatchUpAsync(CancellationToken.None);

        Assert.Empty(_reader.Get<SubscriptionMatcher>().Match(article));
        Assert.DoesNotContain("Glacier retreats", await _reader.SendAsync("/latest"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowerWaiting_IsWokenWhenAChangeCommits()
    {
        await using var feed = new PostgresChangeFeed(_reader.Get<PostgresDatabase>());

        // The first wait opens the listening connection and returns; the second waits for a notice.
        await feed.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        var waiting = feed.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        await _writer.SubscribeAsync("/subscribe glacier", chat: "telegram:6", user: "telegram:6");

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private TestBot Instance(bool followsAlone) => StartBot(services: s =>
    {
        if (!followsAlone)
        {
            s.AddSingleton<IRoleLeases, PostgresRoleLeases>();
        }
    });
}
