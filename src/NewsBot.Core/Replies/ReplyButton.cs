using System.Text;

namespace NewsBot.Core.Replies;

/// <summary>
/// A button under a reply. A command button carries the command line it stands for, so a
/// press goes through the same parser and handlers as typed text; a link button opens a URL.
/// </summary>
public sealed record ReplyButton
{
    /// <summary>Telegram's callback_data limit; every platform keeps to it.</summary>
    public const int MaxCommandBytes = 64;

    private ReplyButton(string label, string? command, string? url)
    {
        Label = label;
        Command = command;
        Url = url;
    }

    public string Label { get; }

    public string? Command { get; }

    public string? Url { get; }

    public static ReplyButton ForCommand(string label, string command)
    {
        if (Encoding.UTF8.GetByteCount(command) > MaxCommandBytes)
        {
            throw new ArgumentException($"A button command must fit in {MaxCommandBytes} bytes: '{command}'.", nameof(command));
        }

        return new ReplyButton(label, command, null);
    }

    /// <summary>A command button, or null when the command would not fit in a button.</summary>
    public static ReplyButton? TryForCommand(string label, string command) =>
        Encoding.UTF8.GetByteCount(command) <= MaxCommandBytes ? new ReplyButton(label, command, null) : null;

    public static ReplyButton ForUrl(string label, string url) => new(label, null, url);
}
