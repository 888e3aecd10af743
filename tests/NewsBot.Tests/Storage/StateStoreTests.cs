using NewsBot.Core.State;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

public sealed class StateStoreTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void State_SetThenGet_ReturnsTheValue_AndUnknownIsNull()
    {
        var state = _bot.Get<IStateStore>();

        state.Set("telegram.offset", "42");
        state.Set("telegram.offset", "43");

        Assert.Equal("43", state.Get("telegram.offset"));
        Assert.Null(state.Get("discord.session"));
    }

    [Fact]
    public void State_SchemaName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _bot.Get<IStateStore>().Set("schema", "99"));
    }
}
