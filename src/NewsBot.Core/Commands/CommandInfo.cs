namespace NewsBot.Core.Commands;

/// <summary>What a command is called, what it does and how to type it: the source of help, menus and slash commands.</summary>
public sealed record CommandInfo(
    string Name,
    string Summary,
    string Usage,
    CommandAudience Audience,
    IReadOnlyList<CommandArgument> Arguments,
    IReadOnlyList<string> Examples,
    string Section)
{
    /// <summary>
    /// For <see cref="CommandAudience.ChatAdmins"/>: typed alone, the command only shows the
    /// chat's setting, which everyone may see; with arguments it changes it.
    /// </summary>
    public bool ShowsWithoutArguments { get; init; }

    /// <summary>What a member who is not an admin hears when they try to change the chat.</summary>
    public string? RefusalForMembers { get; init; }
}
