namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>Telegram tells NewsBot each person's language; a person is answered in it without asking, and a group the bot joins takes its adder's.</summary>
public sealed class TelegramLanguageTests(TelegramBotFixture fixture) : IClassFixture<TelegramBotFixture>
{
    private FakeTelegramServer Telegram => fixture.Telegram;

    private static JsonObject Say(long chat, string text, string languageCode, string? chatType = null, long userId = 0)
    {
        var update = TelegramChats.Say(chat, text, userId: userId == 0 ? chat : userId, chatType: chatType);
        update["message"]!["from"]!["language_code"] = languageCode;
        return update;
    }

    [Fact]
    public async Task ARussianSpeakingUser_WhoSendsStart_GetsRussian_WithoutDoingAnything()
    {
        Telegram.Enqueue(Say(9101, "/start", "ru"));

        var sent = await Telegram.WaitForSendAsync(9101);

        var text = TelegramRendererTests.VisibleText(sent.Text!);
        Assert.Contains("Добро пожаловать в NewsBot", text, StringComparison.Ordinal);
        Assert.Contains("Вот что можно у меня спросить", text, StringComparison.Ordinal);
        Assert.Contains(sent.Buttons, b => b.Text == "Свежие новости");
    }

    [Fact]
    public async Task ABrazilianTag_GetsPortuguese_AndAnUnknownOne_English()
    {
        Telegram.Enqueue(Say(9102, "/latest", "pt-br"));
        Telegram.Enqueue(Say(9103, "/latest", "fr"));

        Assert.Contains("Últimas notícias", (await Telegram.WaitForSendAsync(9102)).Text, StringComparison.Ordinal);
        Assert.Contains("Latest news", (await Telegram.WaitForSendAsync(9103)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChosenLanguage_BeatsTheAppsLanguage()
    {
        Telegram.Enqueue(Say(9104, "/language de", "ru"));
        await Telegram.WaitForSendAsync(9104);
        Telegram.Enqueue(Say(9104, "/help", "ru"));

        var help = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 9104 && r.Text!.Contains("NewsBot-Befehle", StringComparison.Ordinal));

        Assert.DoesNotContain("Команды", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGroupTheBotIsAddedTo_TakesTheLanguageOfWhoAddedIt_ForItsPushes()
    {
        var update = TelegramUpdates.MyChatMember(-9105, byUserId: 51, "left", "member", chatType: "supergroup");
        update["my_chat_member"]!["from"]!["language_code"] = "es";
        Telegram.Enqueue(update);

        var chat = await Eventually.WaitForAsync(
            () => fixture.Bot.Get<ChatLifecycle>().Find(new ChatAddress("telegram", "-9105")) is { Language: not null } found ? found : null,
            "the group's language",
            TimeSpan.FromSeconds(5));

        Assert.Equal("es", chat.Language);
    }
}
