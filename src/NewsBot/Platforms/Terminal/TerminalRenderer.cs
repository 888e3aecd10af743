namespace NewsBot.Platforms.Terminal;

/// <summary>Renders a reply as plain text for a terminal: numbered articles, buttons as the command to type.</summary>
internal static class TerminalRenderer
{
    private const int Width = 78;
    private const string Indent = "     ";

    public static string Render(Reply reply, DateTimeOffset now)
    {
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
                        AppendListItem(text, item, now);
                    }

                    break;
                case ArticleCardBlock card:
                    AppendCard(text, card.Article, now);
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

    private static void AppendListItem(StringBuilder text, ArticleListItem item, DateTimeOffset now)
    {
        var number = "#" + item.Article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        text.Append(number.PadLeft(Indent.Length - 1)).Append(' ').AppendLine(item.Article.Title);
        var when = item.Note ?? RelativeTime.Format(item.Article.PublishedAt, now);
        text.Append(Indent).Append(item.Article.SourceName).Append(" · ").AppendLine(when);
        text.Append(Indent).AppendLine(item.Article.Url);
    }

    private static void AppendCard(StringBuilder text, ArticleView article, DateTimeOffset now)
    {
        text.Append('#').Append(article.Id).Append(' ').AppendLine(article.Title);
        text.AppendLine(new string('─', Math.Min(Width, Math.Max(3, article.Title.Length + article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 2))));
        var meta = $"{article.SourceName} · {RelativeTime.Format(article.PublishedAt, now)} ({article.PublishedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)";
        text.AppendLine(meta);
        if (article.Topics.Count > 0)
        {
            text.Append("Topics: ").AppendLine(string.Join(", ", article.Topics));
        }

        if (article.AlsoReportedBy.Count > 0)
        {
            text.Append("Also reported by: ").AppendLine(string.Join(", ", article.AlsoReportedBy));
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

        text.Append("Link: ").AppendLine(article.Url);
        if (article.ImageUrl is not null)
        {
            text.Append("Image: ").AppendLine(article.ImageUrl);
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
