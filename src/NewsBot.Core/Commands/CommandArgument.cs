namespace NewsBot.Core.Commands;

/// <summary>
/// One argument of a command, described so platforms can offer typed options (Discord). The
/// name is the one slash commands are registered with; people see it in their language
/// (<c>argument.&lt;name&gt;</c>) and its description under the command's texts.
/// </summary>
public sealed record CommandArgument(string Name, ArgumentKind Kind, bool Required)
{
    /// <summary>The argument's name as people of a language read it.</summary>
    public string DisplayName(Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get("argument." + Name);
    }
}

public enum ArgumentKind
{
    Text,
    Number,
    Topic,
    ArticleId,

    /// <summary>A role of a Discord server (a role picker there; its id or mention elsewhere).</summary>
    Role,
}
