using System.Text.RegularExpressions;
using NewsBot.Platforms.Discord.Interactions;

namespace NewsBot.Tests.Platforms.Discord;

/// <summary>Every slash command and option carries each language's words, within Discord's limits, under names people type the same everywhere.</summary>
public sealed partial class DiscordSlashCommandLocalizationTests
{
    private static readonly List<string> Locales = LanguageCatalog.Default.All.Where(l => l.Code != "en").SelectMany(l => l.DiscordLocales).ToList();

    private static IReadOnlyList<NewsBot.Platforms.Discord.Rest.DiscordApplicationCommand> Commands => DiscordSlashCommands.Build(CommandCatalog.All);

    [Fact]
    public void EveryCommand_HasADescriptionInEveryLocale_Of1To100Characters()
    {
        foreach (var command in Commands)
        {
            Assert.Equal(Locales.Order(StringComparer.Ordinal), command.DescriptionLocalizations!.Keys.Order(StringComparer.Ordinal));
            Assert.All(command.DescriptionLocalizations.Values.Append(command.Description), d => Assert.InRange(d.Length, 1, 100));
        }
    }

    [Fact]
    public void CommandNames_StayTheSameWordsInEveryLocale()
    {
        foreach (var command in Commands)
        {
            Assert.Equal(Locales.Order(StringComparer.Ordinal), command.NameLocalizations!.Keys.Order(StringComparer.Ordinal));
            Assert.All(command.NameLocalizations.Values, name => Assert.Equal(command.Name, name));
        }
    }

    [Fact]
    public void EveryOption_HasALabelAndDescriptionInEveryLocale_WithinDiscordsRules()
    {
        var options = Commands.SelectMany(c => c.Options ?? []).ToList();

        Assert.NotEmpty(options);
        foreach (var option in options)
        {
            Assert.Equal(Locales.Count, option.NameLocalizations!.Count);
            Assert.All(option.NameLocalizations.Values.Append(option.Name), name => Assert.Matches(NameRule(), name));
            Assert.All(option.DescriptionLocalizations!.Values.Append(option.Description), d => Assert.InRange(d.Length, 1, 100));
        }
    }

    [Fact]
    public void TranslatedLabels_AreUsed_WhereDiscordTakesThem()
    {
        var page = Commands.Single(c => c.Name == "latest").Options!.Single();

        Assert.Equal("seite", page.NameLocalizations!["de"]);
        Assert.Equal("страница", page.NameLocalizations["ru"]);
        Assert.Equal("页码", page.NameLocalizations["zh-CN"]);
        Assert.Equal("página", page.NameLocalizations["es-419"]);
    }

    // Discord's rule for chat command and option names: lower case where the script has it, 1 to 32 characters.
    [GeneratedRegex(@"^[-_'\p{Ll}\p{Lo}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NameRule();
}
