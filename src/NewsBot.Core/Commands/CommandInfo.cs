namespace NewsBot.Core.Commands;

/// <summary>What a command is called, what it does and how to type it: the source of help, menus and slash commands.</summary>
public sealed record CommandInfo(
    string Name,
    string Summary,
    string Usage,
    CommandAudience Audience,
    IReadOnlyList<CommandArgument> Arguments,
    IReadOnlyList<string> Examples,
    string Section);
