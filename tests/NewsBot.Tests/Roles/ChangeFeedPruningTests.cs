using NewsBot.Core.Changes;

namespace NewsBot.Tests.Roles;

/// <summary>
/// The change feed on PostgreSQL is pruned by the retention owner: changes older than
/// <c>Scaling:ChangeRetentionHours</c> go in bounded batches, the newest stays, and an instance
/// that missed pruned changes is told so instead of following with holes.
/// </summary>
public sealed class ChangeFeedPruningTests : PostgresBotTest
{
    private TestBot _bot = null!;

    protected override async Task StartAsync()
    {
        _bot = StartBot(settings: new Dictionary<string, string?> { ["Scaling:ChangeRetentionHours"] = "24" });
        await _bot.Get<ChangeFollower>().MarkAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ChangesOlderThanTheWindow_AreDeletedInBatches_ThoseInsideItStay()
    {
        await SubscribeAsync(chats: 7);
        await Database.ExecuteAsync("UPDATE changes SET at = now() - interval '2 days'");
        var old = await CountAsync();
        await SubscribeAsync(chats: 2, first: 100);
        var recent = await CountAsync() - old;

        var pruned = await _bot.Get<ChangePruner>().PruneAsync(CancellationToken.None, batch: 2);

        Assert.True(old >= 7 && recent >= 2, $"{old} old and {recent} recent changes");
        Assert.Equal(old, pruned);
        Assert.Equal(recent, await CountAsync());
        Assert.Equal(0, await _bot.Get<ChangePruner>().PruneAsync(CancellationToken.None, batch: 2));
    }

    [Fact]
    public async Task WhenEveryChangeIsOld_TheNewestStays_AndANewInstanceStartsAfterIt()
    {
        await SubscribeAsync(chats: 3);
        await Database.ExecuteAsync("UPDATE changes SET at = now() - interval '2 days'");
        var newest = (await Database.QueryAsync<long>("SELECT max(number) FROM changes")).Single();

        var old = await CountAsync();

        Assert.Equal(old - 1, await _bot.Get<ChangePruner>().PruneAsync(CancellationToken.None));

        Assert.Equal([newest], await Database.QueryAsync<long>("SELECT number FROM changes"));
        var feed = _bot.Get<IChangeFeed>();
        Assert.Equal(newest, await feed.NewestAsync(CancellationToken.None));
        Assert.Equal((await Database.QueryAsync<long>("SELECT value::bigint FROM state WHERE name = 'changes.pruned_through'")).Single(), await feed.PrunedThroughAsync(CancellationToken.None));
        Assert.True(await feed.PrunedThroughAsync(CancellationToken.None) < newest);
    }

    [Fact]
    public async Task AnInstanceThatMissedPrunedChanges_IsToldSo_WhileOneThatFollowedCarriesOn()
    {
        var follower = _bot.Get<ChangeFollower>();
        var behind = new ChangeFollower(
            _bot.Get<IChangeFeed>(), _bot.Get<IArticleStore>(), _bot.Get<ArticleIngestor>(), _bot.Get<SubscriptionService>(), _bot.Get<ChatLifecycle>(),
            _bot.Get<DigestSchedule>(), _bot.Get<DeliveryPlanner>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ChangeFollower>.Instance);
        await behind.MarkAsync(CancellationToken.None);
        await SubscribeAsync(chats: 4);
        await follower.CatchUpAsync(CancellationToken.None);
        await Database.ExecuteAsync("UPDATE changes SET at = now() - interval '2 days'");

        await _bot.Get<ChangePruner>().PruneAsync(CancellationToken.None);
        await SubscribeAsync(chats: 1, first: 100);
        var recent = await CountAsync();

        await Assert.ThrowsAsync<ChangeFeedGapException>(() => behind.CatchUpAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ChangeFeedGapException>(() => behind.FollowAsync(CancellationToken.None));
        Assert.True(recent >= 2, $"{recent} changes left");
        Assert.Equal(recent - 1, await follower.CatchUpAsync(CancellationToken.None));
    }

    private async Task<int> CountAsync() => (int)(await Database.QueryAsync<long>("SELECT count(*) FROM changes")).Single();

    private async Task SubscribeAsync(int chats, int first = 1)
    {
        for (var i = first; i < first + chats; i++)
        {
            var chat = "telegram:" + i.ToString(CultureInfo.InvariantCulture);
            await _bot.SendAsync("/subscribe glacier", chat: chat, user: chat);
        }
    }
}
