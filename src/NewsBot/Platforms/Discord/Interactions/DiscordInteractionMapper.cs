namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>
/// Translates an interaction into the core's <see cref="IncomingMessage"/>. Pure. In a server
/// the chat is the channel, or the thread (a forum post is one) it was used in, and whoever may
/// manage the server or the channel counts as its admin (that is what guards channel
/// subscriptions); in DMs the chat is the person's own. The subscription commands' Discord-only
/// <c>forum</c> option makes a forum or media channel the chat instead
/// (<c>discord:forum:&lt;id&gt;</c>), where each push starts a post: commands cannot be used
/// in such a channel itself, only in its posts.
/// </summary>
internal static class DiscordInteractionMapper
{
    public const ulong Administrator = 0x8;
    public const ulong ManageChannels = 0x10;
    public const ulong ManageGuild = 0x20;

    public static IncomingMessage ToIncoming(DiscordInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var isButton = interaction.Kind == DiscordInteractionKind.Component;
        var (kind, pressed) = isButton ? ButtonPayload.Decode(interaction.CustomId!) : (ButtonKind.Command, "");
        var forum = isButton ? null : ForumTarget(interaction);
        var (pressedForum, pressedCommand) = isButton && interaction.InServer ? DiscordForumButtons.Split(pressed) : (null, pressed);
        var options = interaction.Options.Where(o => !string.Equals(o.Name, DiscordSlashCommands.ForumOption, StringComparison.Ordinal)).ToList();
        var text = isButton ? pressedCommand : CommandLine(interaction.CommandName!, options);
        var message = pressedForum is not null
            ? new IncomingMessage(
                DiscordChats.Forum(pressedForum),
                ChatKind.GuildChannel,
                null,
                DiscordChats.User(interaction.UserId),
                interaction.UserName,
                text,
                IsChatAdmin: IsChannelAdmin(interaction.Permissions),
                IsButton: true)
            : forum is not null
            ? new IncomingMessage(
                DiscordChats.Forum(forum.Id),
                ChatKind.GuildChannel,
                forum.Name is { Length: > 0 } forumName ? "#" + forumName : null,
                DiscordChats.User(interaction.UserId),
                interaction.UserName,
                text,
                IsChatAdmin: IsChannelAdmin(forum.Permissions ?? interaction.Permissions),
                IsButton: false)
            : interaction.InServer
            ? new IncomingMessage(
                DiscordChats.Channel(interaction.ChannelId!),
                ChatKind.GuildChannel,
                interaction.ChannelName is { Length: > 0 } name ? "#" + name : null,
                DiscordChats.User(interaction.UserId),
                interaction.UserName,
                text,
                IsChatAdmin: IsChannelAdmin(interaction.Permissions),
                IsButton: isButton)
            : new IncomingMessage(
                DiscordChats.Direct(interaction.UserId),
                ChatKind.Private,
                null,
                DiscordChats.User(interaction.UserId),
                interaction.UserName,
                text,
                IsChatAdmin: true,
                IsButton: isButton);
        return message with { PressedKind = kind, LanguageTag = interaction.Locale, ChatLanguageTag = interaction.GuildLocale };
    }

    /// <summary>The forum or media channel the <c>forum</c> option chose, when it chose one of this server.</summary>
    private static DiscordChannelInfo? ForumTarget(DiscordInteraction interaction) =>
        interaction.InServer
        && interaction.Options.FirstOrDefault(o => string.Equals(o.Name, DiscordSlashCommands.ForumOption, StringComparison.Ordinal)) is { } chosen
        && interaction.ResolvedChannels.GetValueOrDefault(chosen.Value.Trim()) is { IsForum: true } channel
            ? channel
            : null;

    public static bool IsChannelAdmin(ulong? permissions) =>
        permissions is { } bits && (bits & (Administrator | ManageGuild | ManageChannels)) != 0;

    /// <summary>
    /// The command line the options stand for: <c>/name</c> and the values in the order the
    /// command's usage lists them, so the core parses it exactly like typed text.
    /// </summary>
    public static string CommandLine(string name, IReadOnlyList<DiscordOptionValue> options)
    {
        var line = new StringBuilder("/").Append(name.ToLowerInvariant());
        var arguments = CommandCatalog.Find(name)?.Arguments ?? [];
        var ordered = options
            .OrderBy(o => Position(arguments, o.Name))
            .Select(o => o.Value.Trim())
            .Where(v => v.Length > 0);
        foreach (var value in ordered)
        {
            line.Append(' ').Append(value);
        }

        return line.ToString();
    }

    private static int Position(IReadOnlyList<CommandArgument> arguments, string name)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (string.Equals(arguments[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return arguments.Count;
    }
}
