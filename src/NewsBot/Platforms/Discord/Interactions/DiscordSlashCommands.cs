using System.Text.RegularExpressions;

namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>
/// The slash commands, built from the core's command table so they never drift from what is
/// handled. Numbers and article ids are integer options, the rest strings; topics and article
/// ids offer autocomplete; required options come first. The bot admins' own commands are shown
/// only to server administrators (they also work in a DM with the bot).
/// </summary>
internal static partial class DiscordSlashCommands
{
    public const int MaxDescription = 100;
    public const int MaxTextLength = 1000;
    public const int MaxOptions = 25;

    /// <summary>Usable in servers (0) and in DMs with the bot (1).</summary>
    private static readonly int[] Contexts = [0, 1];

    public static IReadOnlyList<DiscordApplicationCommand> Build(IEnumerable<CommandInfo> commands) =>
        commands.Where(c => NameShape().IsMatch(c.Name)).Select(Build).ToList();

    public static DiscordApplicationCommand Build(CommandInfo command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = command.Arguments
            .Where(a => NameShape().IsMatch(a.Name.ToLowerInvariant()))
            .Select(Option)
            .OrderBy(o => o.Required == true ? 0 : 1)
            .Take(MaxOptions)
            .ToList();
        return new DiscordApplicationCommand
        {
            Name = command.Name.ToLowerInvariant(),
            Description = Description(command.Summary),
            Options = options.Count == 0 ? null : options,
            DefaultMemberPermissions = command.Audience == CommandAudience.BotAdmins ? "0" : null,
            Contexts = Contexts,
        };
    }

    private static DiscordCommandOption Option(CommandArgument argument) => argument.Kind switch
    {
        ArgumentKind.Number => new DiscordCommandOption
        {
            Type = DiscordCommandOption.IntegerType, Name = argument.Name.ToLowerInvariant(), Description = Description(argument.Description),
            Required = argument.Required ? true : null, MinValue = 1, MaxValue = 999_999,
        },
        ArgumentKind.ArticleId => new DiscordCommandOption
        {
            Type = DiscordCommandOption.IntegerType, Name = argument.Name.ToLowerInvariant(), Description = Description(argument.Description),
            Required = argument.Required ? true : null, MinValue = 1, Autocomplete = true,
        },
        ArgumentKind.Topic => new DiscordCommandOption
        {
            Type = DiscordCommandOption.StringType, Name = argument.Name.ToLowerInvariant(), Description = Description(argument.Description),
            Required = argument.Required ? true : null, Autocomplete = true, MaxLength = 100,
        },
        _ => new DiscordCommandOption
        {
            Type = DiscordCommandOption.StringType, Name = argument.Name.ToLowerInvariant(), Description = Description(argument.Description),
            Required = argument.Required ? true : null, MaxLength = MaxTextLength,
        },
    };

    private static string Description(string text)
    {
        var description = DiscordMarkdown.Truncate(text.ReplaceLineEndings(" "), MaxDescription);
        return description.Length == 0 ? "No description" : description;
    }

    [GeneratedRegex(@"^[-_'\p{Ll}\p{Lo}\p{N}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
