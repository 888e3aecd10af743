namespace NewsBot.Feeds;

/// <summary>
/// Builds normalised plain text as characters arrive: runs of whitespace become one space, line
/// breaks are kept (at most two in a row), control characters, lone surrogates and byte-order
/// marks are dropped, and nothing leads or trails. It stops taking text once
/// <see cref="Full"/> is true, so a caller can stop reading as soon as it has enough.
/// </summary>
internal sealed class PlainTextBuilder(int maxLength)
{
    private readonly StringBuilder _text = new(Math.Min(maxLength, 4096));
    private bool _pendingSpace;
    private int _pendingNewlines;
    private bool _pendingBullet;
    private char _highSurrogate;

    /// <summary>True once the text holds more than the requested length: the rest would be cut anyway.</summary>
    public bool Full => _text.Length > maxLength;

    /// <summary>Appends text, treating every kind of line break as a space (HTML outside &lt;pre&gt;).</summary>
    public void AppendFlowing(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Append(c, preformatted: false);
        }
    }

    /// <summary>Appends text as written: line breaks stay line breaks (plain text, &lt;pre&gt;).</summary>
    public void AppendPreformatted(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            Append(text[i], preformatted: true);
        }
    }

    public void Append(char c, bool preformatted)
    {
        if (Full)
        {
            return;
        }

        if (_highSurrogate != '\0')
        {
            var high = _highSurrogate;
            _highSurrogate = '\0';
            if (char.IsLowSurrogate(c))
            {
                Emit(high);
                _text.Append(c);
                return;
            }
        }

        if (c is '\n' or '\r' or '\u2028' or '\u2029')
        {
            if (preformatted || c is '\u2028' or '\u2029')
            {
                NewLine();
            }
            else
            {
                Space();
            }
        }
        else if (c is ' ' or '\t' || (c > '\u007F' && char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator))
        {
            Space();
        }
        else if (char.IsHighSurrogate(c))
        {
            _highSurrogate = c;
        }
        else if (!char.IsControl(c) && !char.IsLowSurrogate(c) && c != '\uFEFF' && c != '\uFFFE' && c != '\uFFFF')
        {
            Emit(c);
        }
    }

    /// <summary>A word boundary that shows as one space, unless the text is at a line start.</summary>
    public void Space() => _pendingSpace = _pendingNewlines == 0 && _text.Length > 0;

    /// <summary>A forced line break (&lt;br&gt;); a third one in a row is dropped.</summary>
    public void NewLine()
    {
        _pendingNewlines++;
        _pendingSpace = false;
    }

    /// <summary>The edge of a block: the text goes on on a new line, without adding a blank one.</summary>
    public void BlockBreak()
    {
        if (_pendingNewlines == 0)
        {
            _pendingNewlines = 1;
        }

        _pendingSpace = false;
    }

    /// <summary>A list item starts: its bullet appears only if the item has text.</summary>
    public void StartListItem()
    {
        BlockBreak();
        _pendingBullet = true;
    }

    public void EndListItem() => _pendingBullet = false;

    public override string ToString() => _text.ToString();

    private void Emit(char c)
    {
        if (_pendingNewlines > 0)
        {
            if (_text.Length > 0)
            {
                _text.Append('\n', Math.Min(_pendingNewlines, 2));
            }

            _pendingNewlines = 0;
            _pendingSpace = false;
        }
        else if (_pendingSpace)
        {
            _text.Append(' ');
            _pendingSpace = false;
        }

        if (_pendingBullet)
        {
            _text.Append("• ");
            _pendingBullet = false;
        }

        _text.Append(c);
    }
}
