namespace NewsBot.Core.Replies;

/// <summary>
/// What a command button sends back when pressed (Telegram's callback_data, Discord's
/// custom_id): its kind and its command line, as <c>p:/latest 2</c>. A plain command has no
/// prefix, so buttons sent before kinds existed still work as commands.
/// </summary>
public static class ButtonPayload
{
    private const char Separator = ':';

    /// <summary>Bytes the kind takes in front of the command.</summary>
    public const int PrefixBytes = 2;

    public static string Encode(ReplyButton button)
    {
        ArgumentNullException.ThrowIfNull(button);
        var command = button.Command ?? throw new ArgumentException("A link button has no payload.", nameof(button));
        return Letter(button.Kind) is { } letter ? $"{letter}{Separator}{command}" : command;
    }

    public static (ButtonKind Kind, string Command) Decode(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length >= PrefixBytes && payload[1] == Separator)
        {
            var kind = payload[0] switch
            {
                'p' => ButtonKind.PageTurn,
                't' => ButtonKind.Toggle,
                'c' => ButtonKind.Confirm,
                _ => (ButtonKind?)null,
            };
            if (kind is { } known)
            {
                return (known, payload[PrefixBytes..]);
            }
        }

        return (ButtonKind.Command, payload);
    }

    private static char? Letter(ButtonKind kind) => kind switch
    {
        ButtonKind.PageTurn => 'p',
        ButtonKind.Toggle => 't',
        ButtonKind.Confirm => 'c',
        _ => null,
    };
}
