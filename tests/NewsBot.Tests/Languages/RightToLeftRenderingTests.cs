namespace NewsBot.Tests.Languages;

/// <summary>
/// A right-to-left title or source name keeps to itself on every platform: it is set apart with
/// Unicode isolates, so the number before it and the translated words after it stay where they belong.
/// </summary>
public sealed class RightToLeftRenderingTests
{
    private const string HebrewTitle = "מזג האוויר היום בתל אביב";
    private const string ArabicSource = "الأخبار";
    private const string Isolated = "\u2068" + HebrewTitle + "\u2069";

    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static Reply List(string language) => new()
    {
        Blocks =
        [
            new TextBlock("Neueste Nachrichten", TextStyle.Heading),
            new ArticleListBlock([new ArticleListItem(new ArticleView(7, HebrewTitle, ArabicSource, Now.AddHours(-2), "https://news.example/7", "", null, []))]),
        ],
        Language = language,
    };

    [Fact]
    public void Terminal_IsolatesTheTitleAndSource_AndKeepsTheGermanAge()
    {
        var text = TerminalRenderer.Render(List("de"), Now);

        Assert.Contains("#7 " + Isolated, text, StringComparison.Ordinal);
        Assert.Contains("\u2068" + ArabicSource + "\u2069 · vor 2 Std.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Telegram_IsolatesTheTitleInsideItsLink()
    {
        var plan = TelegramRenderer.Render(List("ru"), Now);

        Assert.Contains("#7 <a href=\"https://news.example/7\">" + Isolated + "</a>", plan.Texts[0].Html, StringComparison.Ordinal);
        Assert.Contains("· 2 ч назад", plan.Texts[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Discord_IsolatesTheTitleInsideItsLink()
    {
        var messages = DiscordRenderer.Render(List("es"), Now);

        var description = messages[0].Embeds![0].Description!;
        Assert.Contains(Isolated, description, StringComparison.Ordinal);
        Assert.Contains("hace 2 h", description, StringComparison.Ordinal);
    }

    [Fact]
    public void LeftToRightTitles_AreLeftAsTheyAre()
    {
        var reply = List("en") with { Blocks = [new ArticleListBlock([new ArticleListItem(new ArticleView(8, "Solar farm opens", "Wire", Now.AddHours(-3), "https://news.example/8", "", null, []))])] };

        var text = TerminalRenderer.Render(reply, Now);

        Assert.Contains("#8 Solar farm opens", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u2068', text);
    }
}
