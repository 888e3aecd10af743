namespace NewsBot.Core.Commands;

/// <summary>
/// What a command is called, who may run it and how to type it: the source of help, menus and
/// slash commands. Its words (summary, usage, argument descriptions) are texts of each
/// language, under <c>command.&lt;name&gt;.*</c>; the name itself is typed the same everywhere.
/// </summary>
/// <param name="Section">The key of the help section it is listed under (<c>section.&lt;id&gt;</c>).</param>
public sealed record CommandInfo(
    string Name,
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

    /// <summary>What it does, in a few words.</summary>
    public string Summary(Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get($"command.{Name}.summary");
    }

    /// <summary>How to type it, with its arguments named in the language: <c>/topic &lt;name&gt; [page]</c>.</summary>
    public string Usage(Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get($"command.{Name}.usage");
    }

    /// <summary>What a member who is not an admin hears when they try to change the chat; null for the router's general answer.</summary>
    public string? RefusalForMembers(Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var key = $"command.{Name}.refusal";
        return texts.Has(key) ? texts.Get(key) : null;
    }

    /// <summary>What an argument is, for help and slash command options.</summary>
    public string Describe(CommandArgument argument, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(argument);
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get($"command.{Name}.{argument.Name}");
    }
}
