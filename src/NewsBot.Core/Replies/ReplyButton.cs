namespace NewsBot.Core.Replies;

/// <summary>
/// A button under a reply. A command button carries the command line it stands for, so a
/// press goes through the same parser and handlers as typed text, and its <see cref="Kind"/>,
/// so an adapter knows what the press does to the message without reading the command; a link
/// button opens a URL.
/// </summary>
public sealed record ReplyButton
{
    /// <summary>Telegram's callback_data limit, less the kind's prefix; every platform keeps to it.</summary>
    public const int MaxCommandBytes = 64 - ButtonPayload.PrefixBytes;

    private ReplyButton(string label, string? command, string? url, ButtonKind kind)
    {
        Label = label;
        Command = command;
        Url = url;
        Kind = kind;
    }

    public ButtonKind Kind { get; }

    public string Label { get; }

    public string? Command { get; }

    public string? Url { get; }

    public static ReplyButton ForCommand(string label, string command, ButtonKind kind = ButtonKind.Command)
    {
        if (kind == ButtonKind.Link)
        {
            throw new ArgumentException("A link button takes a URL: use ForUrl.", nameof(kind));
        }

        if (Encoding.UTF8.GetByteCount(command) > MaxCommandBytes)
        {
            throw new ArgumentException($"A button command must fit in {MaxCommandBytes} bytes: '{command}'.", nameof(command));
        }

        return new ReplyButton(label, command, null, kind);
    }

    /// <summary>A command button, or null when the command would not fit in a button.</summary>
    public static ReplyButton? TryForCommand(string label, string command, ButtonKind kind = ButtonKind.Command) =>
        Encoding.UTF8.GetByteCount(command) <= MaxCommandBytes ? ForCommand(label, command, kind) : null;

    public static ReplyButton ForUrl(string label, string url) => new(label, null, url, ButtonKind.Link);

    /// <summary>
    /// The button with <paramref name="word"/> as the first argument of its command (naming the
    /// chat a press acts on, say); a link or a button without a command as it is; null when the
    /// command would no longer fit in a button.
    /// </summary>
    public ReplyButton? WithFirstArgument(string word)
    {
        if (Command is not { } line || !line.StartsWith('/'))
        {
            return this;
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? line : line[..space];
        var rest = space < 0 ? string.Empty : line[space..];
        return TryForCommand(Label, $"{name} {word}{rest}", Kind);
    }
}
