using System.Text.RegularExpressions;

namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>
/// The slash commands, built from the core's command table so they never drift from what is
/// handled. Numbers and article ids are integer options, the rest strings; topics and article
/// ids offer autocomplete; required options come first. The bot admins' own commands are shown
/// only to server administrators (they also work in a DM with the bot). Every language's
/// descriptions and option labels go with them, for each Discord locale the language stands
/// for; command names stay the same words in every locale, as /help writes them.
/// </summary>
internal static partial class DiscordSlashCommands
{
    public const int MaxName = 32;
    public const int MaxDescription = 100;
    public const int MaxTextLength = 1000;
    public const int MaxOptions = 25;

    /// <summary>The option that points the subscription commands at a forum or media channel.</summary>
    public const string ForumOption = "forum";

    /// <summary>The commands that manage a chat's subscriptions, which may name a forum or media channel instead of the channel they are used in.</summary>
    private static readonly HashSet<string> ForumCommands = new(StringComparer.Ordinal) { "subscribe", "unsubscribe", "subscriptions" };

    /// <summary>Usable in servers (0) and in DMs with the bot (1).</summary>
    private static readonly int[] Contexts = [0, 1];

    public static IReadOnlyList<DiscordApplicationCommand> Build(IEnumerable<CommandInfo> commands) =>
        commands.Where(c => NameShape().IsMatch(c.Name)).Select(Build).ToList();

    public static DiscordApplicationCommand Build(CommandInfo command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var english = LanguageCatalog.Default.For(LanguageCatalog.EnglishCode);
        var options = command.Arguments
            .Where(a => NameShape().IsMatch(a.Name.ToLowerInvariant()))
            .Select(a => Option(command, a, english))
            .OrderBy(o => o.Required == true ? 0 : 1)
            .Take(MaxOptions - 1)
            .ToList();
        if (ForumCommands.Contains(command.Name))
        {
            options.Add(Forum());
        }

        var name = command.Name.ToLowerInvariant();
        return new DiscordApplicationCommand
        {
            Name = name,
            Description = Description(command.Summary(english), english),
            NameLocalizations = Localized(_ => name),
            DescriptionLocalizations = Localized(t => Description(command.Summary(t), t)),
            Options = options.Count == 0 ? null : options,
            DefaultMemberPermissions = command.Audience == CommandAudience.BotAdmins ? "0" : null,
            Contexts = Contexts,
        };
    }

    /// <summary>Whether a name is one Discord takes for a command or option: lower case, no spaces, 1 to 32 characters.</summary>
    public static bool IsValidName(string name) => NameShape().IsMatch(name);

    private static DiscordCommandOption Option(CommandInfo command, CommandArgument argument, Texts english)
    {
        var option = new DiscordCommandOption
        {
            Type = argument.Kind switch
            {
                ArgumentKind.Number or ArgumentKind.ArticleId => DiscordCommandOption.IntegerType,
                ArgumentKind.Role => DiscordCommandOption.RoleType,
                _ => DiscordCommandOption.StringType,
            },
            Name = argument.Name.ToLowerInvariant(),
            Description = Description(command.Describe(argument, english), english),
            NameLocalizations = Localized(t => OptionName(argument, t)),
            DescriptionLocalizations = Localized(t => Description(command.Describe(argument, t), t)),
            Required = argument.Required ? true : null,
        };
        return argument.Kind switch
        {
            ArgumentKind.Number => option with { MinValue = 1, MaxValue = 999_999 },
            ArgumentKind.ArticleId => option with { MinValue = 1, Autocomplete = true },
            ArgumentKind.Topic => option with { Autocomplete = true, MaxLength = 100 },
            ArgumentKind.Role => option,
            _ => option with { MaxLength = MaxTextLength },
        };
    }

    /// <summary>The <see cref="ForumOption"/>: a channel picker offering forum and media channels.</summary>
    private static DiscordCommandOption Forum()
    {
        var english = LanguageCatalog.Default.For(LanguageCatalog.EnglishCode);
        return new DiscordCommandOption
        {
            Type = DiscordCommandOption.ChannelType,
            Name = ForumOption,
            Description = Description(english.Get("discord.forumOption"), english),
            NameLocalizations = Localized(t => Label(t.Get("argument.forum"), t)),
            DescriptionLocalizations = Localized(t => Description(t.Get("discord.forumOption"), t)),
            ChannelTypes = [DiscordChannelTypes.Forum, DiscordChannelTypes.Media],
        };
    }

    private static string Label(string text, Texts texts)
    {
        var name = text.ToLower(texts.Culture).Replace(' ', '-');
        return IsValidName(name) ? name : ForumOption;
    }

    /// <summary>A value for every Discord locale of every language but English, which is the default.</summary>
    private static Dictionary<string, string> Localized(Func<Texts, string> text)
    {
        var catalog = LanguageCatalog.Default;
        var localized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in catalog.All.Where(l => l != catalog.English))
        {
            var value = text(catalog.For(language));
            foreach (var locale in language.DiscordLocales)
            {
                localized[locale] = value;
            }
        }

        return localized;
    }

    /// <summary>The option's label in the language, when Discord would take it; else its English name.</summary>
    private static string OptionName(CommandArgument argument, Texts texts)
    {
        var name = argument.DisplayName(texts).ToLower(texts.Culture).Replace(' ', '-');
        return IsValidName(name) ? name : argument.Name.ToLowerInvariant();
    }

    private static string Description(string text, Texts texts)
    {
        var description = DiscordMarkdown.Truncate(text.ReplaceLineEndings(" "), MaxDescription);
        return description.Length == 0 ? texts.Get("discord.noDescription") : description;
    }

    [GeneratedRegex(@"^[-_'\p{Ll}\p{Lo}\p{N}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
