namespace NewsBot.Platforms.Terminal;

/// <summary>Renders a reply as plain text for a terminal: numbered articles, buttons as the command to type.</summary>
internal static class TerminalRenderer
{
    private const int Width = 78;
    private const string Indent = "     ";

    public static string Render(Reply reply, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var t = LanguageCatalog.Default.For(reply.Language);
        var text = new StringBuilder();
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case TextBlock { Style: TextStyle.Heading } heading:
                    if (text.Length > 0)
                    {
                        text.AppendLine();
                    }

                    text.AppendLine(heading.Text);
                    text.AppendLine(new string('─', Math.Min(Width, Math.Max(3, heading.Text.Length))));
                    break;
                case TextBlock plain:
                    AppendWrapped(text, plain.Text, string.Empty);
                    break;
                case ArticleListBlock list:
                    foreach (var item in list.Items)
                    {
                        AppendListItem(text, item, now, t);
                    }

                    break;
                case ArticleCardBlock card:
                    AppendCard(text, card.Article, now, t);
                    break;
                case ArticleBodyBlock body:
                    if (body.Heading is { } bodyHeading)
                    {
                        text.AppendLine(bodyHeading);
                        text.AppendLine(new string('─', Math.Min(Width, Math.Max(3, bodyHeading.Length))));
                    }
                    else
                    {
                        text.AppendLine();
                    }

                    foreach (var paragraph in body.Text.Split('\n'))
                    {
                        AppendWrapped(text, paragraph, string.Empty);
                        text.AppendLine();
                    }

                    break;
                case EntryListBlock entries:
                    var labelWidth = Math.Min(28, entries.Entries.Max(e => e.Label.Length));
                    foreach (var entry in entries.Entries)
                    {
                        var line = entry.Detail is null ? "  " + entry.Label : $"  {entry.Label.PadRight(labelWidth)}  {entry.Detail}";
                        text.AppendLine(line);
                    }

                    break;
            }
        }

        var commandButtons = reply.Buttons.Where(b => b.Command is not null).ToList();
        var linkButtons = reply.Buttons.Where(b => b.Url is not null).ToList();
        if (commandButtons.Count > 0)
        {
            text.AppendLine(string.Join("   ", commandButtons.Select(b => "[" + b.Label + ": " + b.Command + "]")));
        }

        foreach (var link in linkButtons)
        {
            // The card already prints its link; other link buttons are shown so nothing is lost.
            if (!reply.Blocks.OfType<ArticleCardBlock>().Any(c => c.Article.Url == link.Url))
            {
                text.Append('[').Append(link.Label).Append(": ").Append(link.Url).AppendLine("]");
            }
        }

        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    private static void AppendListItem(StringBuilder text, ArticleListItem item, DateTimeOffset now, Texts t)
    {
        var number = "#" + item.Article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        text.Append(number.PadLeft(Indent.Length - 1)).Append(' ').AppendLine(Bidi.Isolate(item.Article.Title));
        var when = item.Note ?? t.Ago(item.Article.PublishedAt, now);
        text.Append(Indent).Append(Bidi.Isolate(item.Article.SourceName)).Append(" · ").AppendLine(when);
        text.Append(Indent).AppendLine(item.Article.Url);
    }

    private static void AppendCard(StringBuilder text, ArticleView article, DateTimeOffset now, Texts t)
    {
        text.Append('#').Append(article.Id).Append(' ').AppendLine(Bidi.Isolate(article.Title));
        text.AppendLine(new string('─', Math.Min(Width, Math.Max(3, article.Title.Length + article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 2))));
        text.Append(Bidi.Isolate(article.SourceName)).Append(" · ").AppendLine(t.Get("card.when", ("ago", t.Ago(article.PublishedAt, now)), ("stamp", t.Stamp(article.PublishedAt))));
        if (article.Topics.Count > 0)
        {
            text.AppendLine(t.Get("card.topics", ("topics", t.List(article.Topics.Select(t.Topic)))));
        }

        if (article.AlsoReportedBy.Count > 0)
        {
            text.AppendLine(t.Get("card.alsoReportedBy", ("sources", t.List(article.AlsoReportedBy))));
        }

        if (article.Summary.Length > 0)
        {
            text.AppendLine();
            foreach (var paragraph in article.Summary.Split('\n'))
            {
                AppendWrapped(text, paragraph, string.Empty);
            }

            text.AppendLine();
        }

        text.AppendLine(t.Get("card.link", ("url", article.Url)));
        if (article.ImageUrl is not null)
        {
            text.AppendLine(t.Get("card.image", ("url", article.ImageUrl)));
        }
    }

    private static void AppendWrapped(StringBuilder text, string paragraph, string indent)
    {
        if (paragraph.Length == 0)
        {
            text.AppendLine();
            return;
        }

        var line = new StringBuilder(indent);
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > Width)
            {
                text.AppendLine(line.ToString());
                line.Clear().Append(indent);
            }

            if (line.Length > indent.Length)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        text.AppendLine(line.ToString());
    }
}
