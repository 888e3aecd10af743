namespace NewsBot.Tests.Storage;

/// <summary>The chat store through the core service that owns it; what each store port promises is in Contract/.</summary>
public sealed class StoresTests : BotTest
{
    [Fact]
    public async Task Chats_TouchCreatesThenRefreshes_AndKeepsTheTimeZone()
    {
        var store = Bot.Get<ChatLifecycle>();
        var chat = ChatAddress.Parse("telegram:-100");

        await store.ReactivateAsync(chat, ChatKind.Group, "Readers", CancellationToken.None);
        await store.SetTimeZoneAsync(chat, "Asia/Tokyo", CancellationToken.None);
        Bot.Time.Advance(TimeSpan.FromHours(1));
        var again = await store.ReactivateAsync(chat, ChatKind.Group, null, CancellationToken.None);

        Assert.Equal("Readers", again.Title);
        Assert.Equal("Asia/Tokyo", again.TimeZone);
        Assert.Equal(TestBot.Now, again.FirstSeen);
        Assert.Equal(TestBot.Now.AddHours(1), again.LastSeen);
        Assert.Equal(1, store.CountActive());
    }
}
