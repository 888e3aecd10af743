namespace NewsBot.Tests.Languages;

/// <summary>Counts take the plural form CLDR gives them, read from the rules in each language file.</summary>
public sealed class PluralRulesTests
{
    private static Language Language(string code) => LanguageCatalog.Default.All.Single(l => l.Code == code);

    [Theory]
    [InlineData(1, "one")]
    [InlineData(21, "one")]
    [InlineData(101, "one")]
    [InlineData(2, "few")]
    [InlineData(4, "few")]
    [InlineData(22, "few")]
    [InlineData(0, "many")]
    [InlineData(5, "many")]
    [InlineData(11, "many")]
    [InlineData(12, "many")]
    [InlineData(14, "many")]
    [InlineData(111, "many")]
    [InlineData(1000, "many")]
    public void Russian_HasOneFewAndMany(long count, string category)
    {
        Assert.Equal(category, Language("ru").Plurals.Select(count));
    }

    [Fact]
    public void Russian_Decimals_AreOther()
    {
        Assert.Equal("other", Language("ru").Plurals.Select(1.5m));
    }

    [Theory]
    [InlineData("en", 1, "one")]
    [InlineData("en", 0, "other")]
    [InlineData("en", 2, "other")]
    [InlineData("de", 1, "one")]
    [InlineData("de", 3, "other")]
    [InlineData("es", 1, "one")]
    [InlineData("es", 0, "other")]
    [InlineData("es", 1_000_000, "many")]
    [InlineData("pt-BR", 0, "one")]
    [InlineData("pt-BR", 1, "one")]
    [InlineData("pt-BR", 2, "other")]
    [InlineData("pt-BR", 2_000_000, "many")]
    [InlineData("zh-Hans", 1, "other")]
    [InlineData("zh-Hans", 5, "other")]
    public void EachLanguage_FollowsItsCldrRules(string code, long count, string category)
    {
        Assert.Equal(category, Language(code).Plurals.Select(count));
    }

    [Fact]
    public void English_OneDecimal_IsNotOne()
    {
        Assert.Equal("other", Language("en").Plurals.Select(1.0m));
    }

    [Theory]
    [InlineData(1, "1 статья")]
    [InlineData(3, "3 статьи")]
    [InlineData(5, "5 статей")]
    [InlineData(21, "21 статья")]
    [InlineData(1204, "1 204 статьи")]
    public void RussianCounts_ReadAsARussianWouldWriteThem(long count, string expected)
    {
        var text = LanguageCatalog.Default.For("ru").Count("count.articles", count);

        Assert.Equal(expected, text.Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Theory]
    [InlineData("x = 1")]
    [InlineData("n = one")]
    [InlineData("i %")]
    public void ABadRule_IsRefusedNamingIt(string rule)
    {
        var error = Assert.Throws<FormatException>(() => PluralRules.Parse([KeyValuePair.Create("one", rule)]));

        Assert.Contains(rule.Split(' ')[0], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownCategory_IsRefused()
    {
        Assert.Throws<FormatException>(() => PluralRules.Parse([KeyValuePair.Create("several", "n = 3")]));
    }
}
