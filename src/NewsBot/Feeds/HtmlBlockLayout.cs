namespace NewsBot.Feeds;

/// <summary>
/// The elements open at one point of an HTML fragment, and what they do to its text: blocks
/// break lines, list items get a bullet, hidden elements keep their content out, preformatted
/// ones keep their spaces. Ends that HTML leaves implied (a new <c>&lt;p&gt;</c> closes the open
/// one) are applied as browsers apply them.
/// </summary>
internal sealed class HtmlBlockLayout(PlainTextBuilder text)
{
    private static readonly string[] ParagraphOnly = ["p"];

    private readonly List<string> _open = [];
    private int _hidden;
    private int _preformatted;

    /// <summary>More elements were open at once than <see cref="HtmlToText.MaxDepth"/>; nothing more is read.</summary>
    public bool TooDeep { get; private set; }

    /// <summary>The text is long enough, or the markup nested too deep: nothing more is read.</summary>
    public bool Finished => TooDeep || text.Full;

    /// <summary>False inside a hidden element: its text is not shown.</summary>
    public bool Showing => _hidden == 0;

    /// <summary>Adds a run of text where the open elements let it show.</summary>
    public void AppendText(ReadOnlySpan<char> run)
    {
        if (!Showing)
        {
            return;
        }

        if (_preformatted > 0)
        {
            text.AppendPreformatted(run);
        }
        else
        {
            text.AppendFlowing(run);
        }
    }

    /// <summary>A start tag: <paramref name="name"/> in lower case, without a namespace prefix.</summary>
    public void Open(string name, bool selfClosing)
    {
        if (HtmlElements.ImpliedEnds.TryGetValue(name, out var closes))
        {
            CloseImplied(closes);
        }

        var block = HtmlElements.Block.Contains(name);
        if (block && name != "p")
        {
            CloseImplied(ParagraphOnly);
        }

        if (name == "br")
        {
            if (Showing)
            {
                text.NewLine();
            }

            return;
        }

        if (Showing)
        {
            if (name == "li")
            {
                text.StartListItem();
            }
            else
            {
                Separate(name);
            }
        }

        if (HtmlElements.Void.Contains(name) || selfClosing)
        {
            if (block && Showing)
            {
                text.BlockBreak();
            }

            return;
        }

        if (_open.Count >= HtmlToText.MaxDepth)
        {
            TooDeep = true;
            return;
        }

        _open.Add(name);
        if (HtmlElements.Hidden.Contains(name))
        {
            _hidden++;
        }
        else if (HtmlElements.IsPreformatted(name))
        {
            _preformatted++;
        }
    }

    /// <summary>An end tag: closes the open element of that name and everything opened inside it.</summary>
    public void Close(string name)
    {
        var index = _open.LastIndexOf(name);
        if (index >= 0)
        {
            PopTo(index);
        }
        else if (Showing)
        {
            // A stray </p> or </br> still ends a line in browsers.
            if (name == "br")
            {
                text.NewLine();
            }
            else if (name == "p")
            {
                text.BlockBreak();
            }
        }
    }

    private void CloseImplied(string[] closes)
    {
        for (var index = _open.Count - 1; index >= 0; index--)
        {
            var open = _open[index];
            if (Array.IndexOf(closes, open) >= 0)
            {
                PopTo(index);
                return;
            }

            if (HtmlElements.ScopeBoundaries.Contains(open))
            {
                return;
            }
        }
    }

    private void PopTo(int index)
    {
        for (var top = _open.Count - 1; top >= index; top--)
        {
            var name = _open[top];
            _open.RemoveAt(top);
            if (HtmlElements.Hidden.Contains(name))
            {
                _hidden--;
                continue;
            }

            if (HtmlElements.IsPreformatted(name))
            {
                _preformatted--;
            }

            if (!Showing)
            {
                continue;
            }

            if (name == "li")
            {
                text.EndListItem();
            }

            Separate(name);
        }
    }

    // What stands between an element's text and its neighbours' at its start and at its end.
    private void Separate(string name)
    {
        if (HtmlElements.Block.Contains(name))
        {
            text.BlockBreak();
        }
        else if (HtmlElements.IsSpaced(name))
        {
            text.Space();
        }
    }
}
