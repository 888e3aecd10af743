namespace NewsBot.Tests.Storage.Contract;

public abstract class StateStoreContract : StoreContract
{
    private protected StateStoreContract(StoreFactory factory)
        : base(factory)
    {
    }

    [Fact]
    public async Task SetThenGet_ReturnsTheValue_AndUnknownIsNull()
    {
        await Stores.State.SetAsync("telegram.offset", "42", None);
        await Stores.State.SetAsync("telegram.offset", "43", None);

        Assert.Equal("43", await Stores.State.GetAsync("telegram.offset", None));
        Assert.Null(await Stores.State.GetAsync("discord.session", None));
    }

    [Fact]
    public async Task Values_SurviveAReopen()
    {
        await Stores.State.SetAsync("discord.session", "{\"id\":\"abc\",\"seq\":7}", None);

        await Stores.ReopenAsync();

        Assert.Equal("{\"id\":\"abc\",\"seq\":7}", await Stores.State.GetAsync("discord.session", None));
    }

    [Fact]
    public async Task SchemaName_AndEmptyNames_AreRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Stores.State.SetAsync("schema", "99", None));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Stores.State.SetAsync("Schema", "99", None));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Stores.State.GetAsync("schema", None));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Stores.State.SetAsync(" ", "1", None));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Stores.State.SetAsync("x", null!, None));
    }

    [Fact]
    public async Task PlannerPosition_IsAStateValue()
    {
        Assert.Equal(0, await Stores.Outbox.PlannedThroughAsync(None));

        await Stores.Outbox.EnqueuePlannedAsync([], 12, None);

        Assert.Equal("12", await Stores.State.GetAsync("delivery.planned-through", None));
    }
}

public sealed class LiteDbStateStoreTests() : StateStoreContract(new LiteDbStores());

public sealed class PostgresStateStoreTests(PostgresDatabaseFixture database) : StateStoreContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
