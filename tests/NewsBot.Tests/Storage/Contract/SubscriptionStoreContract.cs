namespace NewsBot.Tests.Storage.Contract;

public abstract class SubscriptionStoreContract : StoreContract
{
    private protected SubscriptionStoreContract(StoreFactory factory)
        : base(factory)
    {
    }

    private static Subscription New(string chat, string query, DeliveryMode mode = DeliveryMode.Instant, TimeOnly? at = null) =>
        new(0, chat, SubscriptionKind.Keywords, query, mode, at, chat, Now.AddTicks(1234));

    [Fact]
    public async Task Add_GivesNumbersInOrder_AndReturnsWhatIsStored()
    {
        var first = await Stores.Subscriptions.AddAsync(New("telegram:1", "rust"), None);
        var second = await Stores.Subscriptions.AddAsync(new Subscription(0, "telegram:-100", SubscriptionKind.Topic, "science", DeliveryMode.Daily, new TimeOnly(8, 30), "telegram:7", Now), None);

        Assert.Equal(1, first.Id);
        Assert.Equal(2, second.Id);
        Assert.Equal(Now, first.CreatedAt);
        Assert.Equal(new Subscription(2, "telegram:-100", SubscriptionKind.Topic, "science", DeliveryMode.Daily, new TimeOnly(8, 30), "telegram:7", Now), second);
        Assert.Equal([first, second], await Stores.Subscriptions.AllAsync(None).ToListAsync());
    }

    [Fact]
    public async Task SetOptions_ChangesOnlyThatChatsSubscription_AndIsReadBackEverywhere()
    {
        var mine = await Stores.Subscriptions.AddAsync(New("discord:5", "rust"), None);
        var options = new PushOptions(true, "910000000000000910", "news-team");

        var changed = await Stores.Subscriptions.SetOptionsAsync("discord:5", mine.Id, options, None);
        var refused = await Stores.Subscriptions.SetOptionsAsync("discord:6", mine.Id, PushOptions.Default, None);
        var missing = await Stores.Subscriptions.SetOptionsAsync("discord:5", 99, options, None);

        Assert.Equal(mine with { Options = options }, changed);
        Assert.Null(refused);
        Assert.Null(missing);
        Assert.Equal(options, Assert.Single(await Stores.Subscriptions.ListForChatAsync("discord:5", None)).Options);
        Assert.Equal(options, Assert.Single(await Stores.Subscriptions.AllAsync(None).ToListAsync()).Options);

        var cleared = await Stores.Subscriptions.SetOptionsAsync("discord:5", mine.Id, new PushOptions(false, null, "ignored"), None);
        Assert.Equal(PushOptions.Default, cleared!.Options);
    }

    [Fact]
    public async Task Add_KeepsTheOptionsGiven()
    {
        var added = await Stores.Subscriptions.AddAsync(New("discord:5", "rust") with { Options = new PushOptions(true, null) }, None);

        Assert.True(added.Options.Silent);
        Assert.True(Assert.Single(await Stores.Subscriptions.ListForChatAsync("discord:5", None)).Options.Silent);
    }

    [Fact]
    public async Task ListForChat_HoldsOnlyThatChat_InTheOrderAdded()
    {
        await Stores.Subscriptions.AddAsync(New("telegram:1", "a"), None);
        await Stores.Subscriptions.AddAsync(New("telegram:2", "b"), None);
        await Stores.Subscriptions.AddAsync(New("telegram:1", "c"), None);

        Assert.Equal(["a", "c"], (await Stores.Subscriptions.ListForChatAsync("telegram:1", None)).Select(s => s.Query));
        Assert.Empty(await Stores.Subscriptions.ListForChatAsync("telegram:3", None));
        Assert.Equal(3, await Stores.Subscriptions.AllAsync(None).CountAsync());
    }

    [Fact]
    public async Task Remove_TakesOnlyTheChatsOwn_AndReturnsWhatWent()
    {
        var a = await Stores.Subscriptions.AddAsync(New("telegram:1", "a"), None);
        var b = await Stores.Subscriptions.AddAsync(New("telegram:2", "b"), None);
        var c = await Stores.Subscriptions.AddAsync(New("telegram:1", "c"), None);

        var removed = await Stores.Subscriptions.RemoveAsync("telegram:1", [c.Id, b.Id, 99, a.Id], None);

        Assert.Equal([c.Id, a.Id], removed);
        Assert.Equal([b.Id], await Stores.Subscriptions.AllAsync(None).Select(s => s.Id).ToListAsync());
        Assert.Empty(await Stores.Subscriptions.RemoveAsync("telegram:1", [a.Id], None));
        Assert.Empty(await Stores.Subscriptions.RemoveAsync("telegram:1", [], None));
    }

    [Fact]
    public async Task Subscriptions_SurviveAReopen_WithTheirDigestTime()
    {
        await Stores.Subscriptions.AddAsync(New("telegram:1", "science", DeliveryMode.Daily, new TimeOnly(7, 5)), None);

        await Stores.ReopenAsync();
        var read = Assert.Single(await Stores.Subscriptions.AllAsync(None).ToListAsync());

        Assert.Equal(DeliveryMode.Daily, read.Mode);
        Assert.Equal(new TimeOnly(7, 5), read.DailyAt);
        Assert.Equal(SubscriptionKind.Keywords, read.Kind);
    }
}

public sealed class LiteDbSubscriptionStoreTests() : SubscriptionStoreContract(new LiteDbStores());

public sealed class PostgresSubscriptionStoreTests(PostgresDatabaseFixture database) : SubscriptionStoreContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
