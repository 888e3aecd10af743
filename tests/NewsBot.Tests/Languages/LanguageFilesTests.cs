namespace NewsBot.Tests.Languages;

/// <summary>
/// Every language file is complete before it ships: every key English has, with the same
/// placeholders, a form for each plural category the language's CLDR rules name, and nothing
/// English lacks.
/// </summary>
public sealed class LanguageFilesTests
{
    private static readonly LanguageCatalog Catalog = LanguageCatalog.Default;

    public static TheoryData<string> Languages()
    {
        var data = new TheoryData<string>();
        foreach (var language in Catalog.All.Where(l => l != Catalog.English))
        {
            data.Add(language.Code);
        }

        return data;
    }

    [Fact]
    public void TheBuiltInLanguages_AreTheSixNewsBotSpeaks_EachNamedInItsOwnScript()
    {
        Assert.Equal(["en", "de", "es", "pt-BR", "ru", "zh-Hans"], Catalog.All.Select(l => l.Code));
        Assert.Equal(["English", "Deutsch", "Español", "Português (Brasil)", "Русский", "简体中文"], Catalog.All.Select(l => l.Name));
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(l => l.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryEnglishKey_IsThere(string code)
    {
        var language = Catalog.All.Single(l => l.Code == code);

        var missing = Catalog.English.Texts.Keys.Where(k => !language.Texts.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{code} lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void NoKey_IsThereThatEnglishLacks(string code)
    {
        var language = Catalog.All.Single(l => l.Code == code);

        var extra = language.Texts.Keys.Where(k => !Catalog.English.Texts.ContainsKey(k)).ToList();

        Assert.True(extra.Count == 0, $"{code} has keys English lacks (misspelt?): {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryText_HasTheSamePlaceholdersAsEnglish(string code)
    {
        var language = Catalog.All.Single(l => l.Code == code);

        var mismatches = Catalog.English.Texts
            .Where(e => language.Texts.TryGetValue(e.Key, out var own) && !own.Placeholders().SetEquals(e.Value.Placeholders()))
            .Select(e => $"{e.Key}: English {{{string.Join("}, {", e.Value.Placeholders())}}}, {code} {{{string.Join("}, {", language.Texts[e.Key].Placeholders())}}}")
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void EveryForm_OfEveryText_HasTheSamePlaceholders()
    {
        var uneven = Catalog.All
            .SelectMany(l => l.Texts.Select(t => (Language: l.Code, t.Key, t.Value)))
            .Where(t => t.Value.Forms.Values.Select(f => string.Join(",", TextTemplate.PlaceholdersOf(f).Order(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(t => $"{t.Language} {t.Key}")
            .ToList();

        Assert.True(uneven.Count == 0, "Plural forms differ in their placeholders: " + string.Join(", ", uneven));
    }

    [Fact]
    public void EveryPluralText_HasAFormForEachCategoryOfItsLanguage_AndNoOther()
    {
        var problems = new List<string>();
        foreach (var language in Catalog.All)
        {
            var categories = language.Plurals.Categories;
            foreach (var (key, template) in language.Texts.Where(t => Catalog.English.Texts.TryGetValue(t.Key, out var english) && english.IsPlural))
            {
                var forms = template.Forms.Keys.ToList();
                if (!categories.All(forms.Contains) || !forms.All(categories.Contains))
                {
                    problems.Add($"{language.Code} {key}: has {string.Join("/", forms)}, needs {string.Join("/", categories)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryText_IsNonEmpty_AndEveryPlaceholderIsClosed()
    {
        var problems = Catalog.All
            .SelectMany(l => l.Texts.SelectMany(t => t.Value.Forms.Values.Select(f => (l.Code, t.Key, Form: f))))
            .Where(x => (x.Form.Length == 0 && x.Key != "format.sentenceSeparator") || x.Form.Replace("{{", "", StringComparison.Ordinal).Count(c => c == '{') != x.Form.Replace("}}", "", StringComparison.Ordinal).Count(c => c == '}'))
            .Select(x => $"{x.Code} {x.Key}")
            .ToList();

        Assert.True(problems.Count == 0, string.Join(", ", problems));
    }

    [Fact]
    public void EveryLanguage_NamesPlatformCodesTheyAccept()
    {
        foreach (var language in Catalog.All)
        {
            Assert.Matches("^[a-z]{2}$", language.TelegramCode);
            Assert.NotEmpty(language.DiscordLocales);
            Assert.Same(language, Catalog.Match(language.Code));
        }

        Assert.Equal(Catalog.All.SelectMany(l => l.DiscordLocales).Count(), Catalog.All.SelectMany(l => l.DiscordLocales).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("ru", "ru")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData("pt", "pt-BR")]
    [InlineData("es-419", "es")]
    [InlineData("en-GB", "en")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-hans", "zh-Hans")]
    [InlineData("de_AT", "de")]
    public void PlatformTags_FindTheLanguage(string tag, string code)
    {
        Assert.Equal(code, Catalog.Match(tag)?.Code);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("klingon")]
    public void UnknownTags_FindNone(string? tag)
    {
        Assert.Null(Catalog.Match(tag));
        Assert.Equal("en", Catalog.ForTag(tag).Code);
    }

    [Theory]
    [InlineData("Deutsch", "de")]
    [InlineData("german", "de")]
    [InlineData("русский", "ru")]
    [InlineData("简体中文", "zh-Hans")]
    [InlineData("PT-BR", "pt-BR")]
    public void WhatPeopleType_AfterLanguage_FindsTheLanguage(string typed, string code)
    {
        Assert.Equal(code, Catalog.Find(typed)?.Code);
    }
}
