namespace NewsBot.Core.Commands;

/// <summary>
/// Reads one line of chat text. Control characters are dropped, whitespace is collapsed, the
/// line is capped in length, and Telegram's <c>/command@BotName</c> form is understood.
/// Never throws.
/// </summary>
public static class CommandParser
{
    /// <summary>Longer input is cut here; no command needs more.</summary>
    public const int MaxInputLength = 2000;

    private const int MaxNameLength = 32;

    public static ParsedInput Parse(string? text, string? botUserName = null)
    {
        var clean = Clean(text);
        if (clean.Length == 0)
        {
            return new EmptyInput();
        }

        if (clean[0] != '/')
        {
            return new PlainText(clean);
        }

        var space = clean.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? clean[1..] : clean[1..space];
        var arguments = space < 0 ? string.Empty : clean[(space + 1)..];

        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var addressee = head[(at + 1)..];
            head = head[..at];
            if (botUserName is not null && addressee.Length > 0 && !string.Equals(addressee, botUserName, StringComparison.OrdinalIgnoreCase))
            {
                return new ForAnotherBot();
            }
        }

        if (head.Length > MaxNameLength)
        {
            head = head[..MaxNameLength];
        }

        return new ParsedCommand(head.ToLowerInvariant(), arguments);
    }

    /// <summary>Drops control and formatting-only characters, collapses whitespace, trims and caps the length.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxInputLength));
        var pendingSpace = false;
        for (var i = 0; i < text.Length && builder.Length < MaxInputLength; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Control)
            {
                continue;
            }

            // A lone surrogate cannot be sent to any platform; a pair is kept whole.
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]) || builder.Length + (pendingSpace ? 3 : 2) > MaxInputLength)
                {
                    continue;
                }

                AppendPendingSpace(builder, ref pendingSpace);
                builder.Append(c).Append(text[++i]);
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                continue;
            }

            AppendPendingSpace(builder, ref pendingSpace);
            if (builder.Length < MaxInputLength)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static void AppendPendingSpace(StringBuilder builder, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            builder.Append(' ');
            pendingSpace = false;
        }
    }
}
