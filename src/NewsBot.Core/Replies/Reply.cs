namespace NewsBot.Core.Replies;

/// <summary>
/// A platform-neutral answer. Each platform renderer turns it into its own format
/// (Telegram HTML, Discord embeds, terminal text); nothing here is pre-escaped.
/// </summary>
public sealed record Reply
{
    public required IReadOnlyList<ReplyBlock> Blocks { get; init; }

    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>Meant for the asker alone (a Discord ephemeral message); other platforms ignore it.</summary>
    public bool IsPersonal { get; init; }

    /// <summary>The answer explains a mistake rather than answering the question.</summary>
    public bool IsProblem { get; init; }

    /// <summary>
    /// An announcement for a configured announcement channel: platforms that can pass a post on
    /// to the channel's followers (Discord announcement channels) do so.
    /// </summary>
    public bool PublishToFollowers { get; init; }

    /// <summary>A few words for the person who pressed the button (Telegram's toast), e.g. "Saved".</summary>
    public string? Toast { get; init; }

    /// <summary>A push that should arrive without a sound (a silent subscription).</summary>
    public bool Silent { get; init; }

    /// <summary>Discord role ids the push mentions, and the only mentions that may notify anyone; other platforms ignore them.</summary>
    public IReadOnlyList<string> MentionRoles { get; init; } = [];

    /// <summary>Lists set this so platforms do not unfurl the first link into a large preview.</summary>
    public bool SuppressLinkPreview { get; init; }

    /// <summary>
    /// The code of the language it is written in, for the words a platform adds around it (ages,
    /// "Topics:", field names); null until the router or composer that made it sets it, then English.
    /// </summary>
    public string? Language { get; init; }

    public static Reply Text(string text) => new() { Blocks = [new TextBlock(text)] };

    public static Reply Problem(string text) => new() { Blocks = [new TextBlock(text)], IsProblem = true };
}
