namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>A silent subscription through the running bot and the fake Bot API: its pushes carry disable_notification, others do not.</summary>
public sealed class TelegramSilentPushTests(TelegramBotFixture fixture) : IClassFixture<TelegramBotFixture>
{
    private FakeTelegramServer Telegram => fixture.Telegram;

    [Fact]
    public async Task ASilentSubscription_IsPushedWithDisableNotification_AndALoudOneWithout()
    {
        await SubscribeAsync(5301, "/subscribe robot chef");
        await SubscribeAsync(5302, "/subscribe robot chef");
        var id = Assert.Single(await fixture.Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:5301", CancellationToken.None)).Id;
        await SayAsync(5301, $"/subscriptions {id} silent on", "silently");

        var wire = await fixture.Bot.Get<NewsBot.Core.Articles.ISourceStore>().EnsureAsync("Wire", "https://wire.example/feed", [], fromConfiguration: true, CancellationToken.None);
        await fixture.Bot.Get<ArticleIngestor>().IngestAsync(wire, [new FeedEntry("robot-chef", "Robot chef opens a kitchen", "https://wire.example/robot-chef", DateTimeOffset.UtcNow.AddMinutes(-5), null, null, "", [], null)], CancellationToken.None);

        var silent = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 5301 && r.Text?.Contains("Robot chef", StringComparison.Ordinal) == true);
        var loud = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 5302 && r.Text?.Contains("Robot chef", StringComparison.Ordinal) == true);
        Assert.True((bool?)silent.Body["disable_notification"]);
        Assert.NotEqual(true, (bool?)loud.Body["disable_notification"]);
    }

    private async Task SubscribeAsync(long chat, string text)
    {
        Telegram.Enqueue(TelegramChats.Say(chat, text, userId: chat));
        var answer = await TelegramPreviews.ConfirmAsync(Telegram, chat, chat);
        Assert.Contains("Subscribed", answer.Text, StringComparison.Ordinal);
    }

    private async Task SayAsync(long chat, string text, string answer)
    {
        Telegram.Enqueue(TelegramChats.Say(chat, text, userId: chat));
        await Telegram.WaitForAsync("sendMessage", r => r.ChatId == chat && r.Text?.Contains(answer, StringComparison.Ordinal) == true);
    }
}
