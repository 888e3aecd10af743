namespace NewsBot.Tests.Reading;

/// <summary>A part of a whole article as each platform sends it: within its message limits, nothing lost, the buttons under the last message.</summary>
public sealed class ArticleBodyRenderingTests
{
    private static readonly ArticleView Article = new(7, "Tidal barrier opens", "Harbour Post", TestBot.Now.AddHours(-1), "https://harbour.example/7", "", "https://harbour.example/7.jpg", ["science"]);

    private static readonly string Body = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"Paragraph {i} of the article, long enough to need several of them per message on the smaller platforms."));

    private static Reply CardWithBody() => new()
    {
        Blocks = [new ArticleCardBlock(Article), new ArticleBodyBlock(Body)],
        Buttons = [ReplyButton.ForCommand("Save", "/bookmark 7", ButtonKind.Toggle), ReplyButton.ForCommand("Continue (2/3) ▶", "/read 7 2"), ReplyButton.ForUrl("Open", Article.Url)],
    };

    [Fact]
    public void Telegram_SendsTheCardAndBodyAsText_WithinItsLimit_AndTheKeyboardOnce()
    {
        var plan = TelegramRenderer.Render(CardWithBody(), TestBot.Now);

        Assert.Null(plan.Photo);
        Assert.True(plan.Texts.Count >= 2);
        Assert.All(plan.Texts, text => Assert.True(text.Plain.Length <= TelegramRenderer.MaxMessageLength));
        var all = string.Join('\n', plan.Texts.Select(t => t.Plain));
        Assert.Contains("Paragraph 1 of", all, StringComparison.Ordinal);
        Assert.Contains("Paragraph 50 of", all, StringComparison.Ordinal);
        Assert.Contains(plan.Keyboard!.InlineKeyboard.SelectMany(row => row), b => b.CallbackData == "/read 7 2");
    }

    [Fact]
    public void Discord_SendsTheCardAsAnEmbed_ThenTheBodyAsMessagesOf2000AtMost_ButtonsOnTheLast()
    {
        var messages = DiscordRenderer.Render(CardWithBody(), TestBot.Now);

        Assert.NotNull(messages[0].Embeds);
        var body = messages.Skip(1).ToList();
        Assert.True(body.Count >= 2);
        Assert.All(body, m => Assert.True(m.Content!.Length <= DiscordMessageLimits.Content));
        Assert.All(messages, m => Assert.Empty(DiscordMessageLimits.Breaches(m)));
        Assert.Contains("Paragraph 50 of", string.Concat(body.Select(m => m.Content)), StringComparison.Ordinal);
        Assert.Null(messages[0].Components);
        Assert.Contains(messages[^1].Components!.SelectMany(r => r.Components), b => b.CustomId == "/read 7 2");
    }

    [Fact]
    public void Discord_SendsALaterPartAsPlainMessages_WithItsHeading()
    {
        var reply = new Reply { Blocks = [new ArticleBodyBlock(Body, "Tidal barrier opens — part 2 of 3")], Buttons = [ReplyButton.ForUrl("Open", Article.Url)] };

        var messages = DiscordRenderer.Render(reply, TestBot.Now);

        Assert.All(messages, m => Assert.Null(m.Embeds));
        Assert.StartsWith("**Tidal barrier opens — part 2 of 3**", messages[0].Content, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.Empty(DiscordMessageLimits.Breaches(m)));
    }

    [Fact]
    public void Terminal_PrintsTheWholeBody_AndTheContinueCommandToType()
    {
        var text = TerminalRenderer.Render(CardWithBody(), TestBot.Now);

        Assert.Contains("Paragraph 1 of", text, StringComparison.Ordinal);
        Assert.Contains("Paragraph 50 of", text, StringComparison.Ordinal);
        Assert.Contains("[Continue (2/3) ▶: /read 7 2]", text, StringComparison.Ordinal);
    }
}
