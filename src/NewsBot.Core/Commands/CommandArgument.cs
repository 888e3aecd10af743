namespace NewsBot.Core.Commands;

/// <summary>One argument of a command, described so platforms can offer typed options (Discord).</summary>
public sealed record CommandArgument(string Name, string Description, ArgumentKind Kind, bool Required);

public enum ArgumentKind
{
    Text,
    Number,
    Topic,
    ArticleId,
}
