namespace NewsBot.Tests.Languages;

/// <summary>How a text is filled in: placeholders, plural forms, numbers and dates of the language, fallbacks, and right-to-left feed text.</summary>
public sealed class TextsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static Texts For(string code) => LanguageCatalog.Default.For(code);

    [Fact]
    public void AKeyALanguageLacks_ComesFromEnglish_WithItsOwnPluralRules()
    {
        var german = LanguageCatalog.Default.All.Single(l => l.Code == "de");
        var partial = german with { Texts = german.Texts.Where(t => t.Key != "count.articles" && t.Key != "router.empty").ToDictionary() };
        var catalog = new LanguageCatalog([LanguageCatalog.Default.English, partial]);

        var texts = catalog.For("de");

        Assert.Equal("That's an empty command. Type /help to see what I can do.", texts.Get("router.empty"));
        Assert.Equal("1 article", texts.Count("count.articles", 1));
        Assert.Equal("Die neuesten Artikel", texts.Get("command.latest.summary"));
    }

    [Fact]
    public void AKeyNoLanguageHas_ShowsItself_RatherThanNothing()
    {
        Assert.Equal("no.such.key", For("de").Get("no.such.key"));
        Assert.False(For("de").Has("no.such.key"));
    }

    [Fact]
    public void APlaceholderNobodyFills_StaysVisible()
    {
        Assert.Equal("Welcome to NewsBot, {name}!", For("en").Get("start.welcomeName"));
    }

    [Fact]
    public void AnUnknownCode_GetsEnglish()
    {
        Assert.Equal("en", LanguageCatalog.Default.For("xx").Code);
        Assert.Equal("en", LanguageCatalog.Default.For((string?)null).Code);
    }

    [Theory]
    [InlineData("en", "1,204,000")]
    [InlineData("de", "1.204.000")]
    [InlineData("es", "1.204.000")]
    [InlineData("pt-BR", "1.204.000")]
    [InlineData("zh-Hans", "1,204,000")]
    public void Numbers_AreWrittenTheLanguagesWay(string code, string expected)
    {
        Assert.Equal(expected, For(code).Number(1_204_000));
    }

    [Fact]
    public void RussianNumbers_GroupWithSpaces()
    {
        Assert.Equal("1 204 000", For("ru").Number(1_204_000).Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Theory]
    [InlineData("en", "3 h ago", "2 days ago", "23 Nov 2026")]
    [InlineData("de", "vor 3 Std.", "vor 2 Tagen", "23. Nov. 2026")]
    [InlineData("es", "hace 3 h", "hace 2 días", "23 nov 2026")]
    [InlineData("pt-BR", "há 3 h", "há 2 dias", "23 de nov. de 2026")]
    [InlineData("ru", "3 ч назад", "2 дня назад", "23 нояб. 2026")]
    [InlineData("zh-Hans", "3 小时前", "2 天前", "2026年11月23日")]
    public void Ages_AndDates_AreWrittenTheLanguagesWay(string code, string hours, string days, string date)
    {
        var t = For(code);

        Assert.Equal(hours, t.Ago(Now.AddHours(-3), Now));
        Assert.Equal(days, t.Ago(Now.AddDays(-2), Now));
        Assert.Equal(date, t.Date(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(1, "1 день назад")]
    [InlineData(5, "5 дней назад")]
    [InlineData(22, "22 дня назад")]
    public void RussianAges_TakeTheirPluralForm(int days, string expected)
    {
        Assert.Equal(expected, For("ru").Count("time.daysAgo", days));
    }

    [Fact]
    public void TopicNames_AreTranslated_AndTheirKeysFoundFromAnyLanguage()
    {
        Assert.Equal("Technik", For("de").Topic("technology"));
        Assert.Equal("科技", For("zh-Hans").Topic("technology"));
        Assert.Equal("esports", For("de").Topic("esports"));
        Assert.Equal("technology", LanguageCatalog.Default.TopicKeyFor("technik"));
        Assert.Equal("sports", LanguageCatalog.Default.TopicKeyFor("спорт"));
        Assert.Null(LanguageCatalog.Default.TopicKeyFor("esports"));
    }

    [Fact]
    public void RightToLeftFeedText_IsIsolated_SoTheWordsAroundItKeepTheirOrder()
    {
        var hebrew = "מזג האוויר היום";

        var text = For("de").Get("bookmark.saved", ("title", hebrew));

        Assert.Equal("Gemerkt: \u2068" + hebrew + "\u2069", text);
        Assert.Equal("Gemerkt: Solar farm", For("de").Get("bookmark.saved", ("title", "Solar farm")));
        Assert.Equal("\u2068" + hebrew + "\u2069", Bidi.Isolate(Bidi.Isolate(hebrew)));
    }
}
