using NewsBot.Core.State;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

public sealed class StateStoreTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task State_SetThenGet_ReturnsTheValue_AndUnknownIsNull()
    {
        var state = _bot.Get<IStateStore>();

        await state.SetAsync("telegram.offset", "42", CancellationToken.None);
        await state.SetAsync("telegram.offset", "43", CancellationToken.None);

        Assert.Equal("43", await state.GetAsync("telegram.offset", CancellationToken.None));
        Assert.Null(await state.GetAsync("discord.session", CancellationToken.None));
    }

    [Fact]
    public async Task State_SchemaName_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await _bot.Get<IStateStore>().SetAsync("schema", "99", CancellationToken.None));
    }
}
