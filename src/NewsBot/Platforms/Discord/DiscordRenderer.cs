namespace NewsBot.Platforms.Discord;

/// <summary>
/// Turns a neutral <see cref="Reply"/> into Discord messages. Pure. A reply of plain text
/// becomes message content; lists become an embed's description and an article card an embed
/// of its own. Everything is split to stay within every limit (content 2,000, description
/// 4,096, 10 embeds and 6,000 characters per message), buttons go under the last message, and
/// no message can ping anyone.
/// </summary>
internal static class DiscordRenderer
{
    public const int NormalColor = 0x5865F2;
    public const int ProblemColor = 0xED4245;

    /// <summary>Suppresses link previews on a message without embeds of its own.</summary>
    public const int SuppressEmbedsFlag = 1 << 2;

    /// <summary>Longest raw line before escaping; escaping at most doubles it, so it fits any content.</summary>
    private const int MaxRawLine = 900;

    private const int CardSummary = 2048;

    public static IReadOnlyList<DiscordMessage> Render(Reply reply, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var t = LanguageCatalog.Default.For(reply.Language);
        var components = Components(reply.Buttons);
        var messages = reply.Blocks.All(b => b is TextBlock or ArticleBodyBlock)
            ? AsContent(reply)
            : AsEmbeds(reply, now, t);
        if (messages.Count == 0)
        {
            messages.Add(new DiscordMessage { Content = t.Get("reply.empty") });
        }

        if (components.Count > 0)
        {
            messages[^1] = messages[^1] with { Components = components };
        }

        return messages;
    }

    /// <summary>The reply's buttons as rows of at most five; command buttons carry their command line as custom_id.</summary>
    public static IReadOnlyList<DiscordActionRow> Components(IReadOnlyList<ReplyButton> buttons)
    {
        var usable = new List<DiscordButton>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var button in buttons)
        {
            var label = DiscordMarkdown.Truncate(button.Label, DiscordMessageLimits.ButtonLabel);
            if (label.Length == 0)
            {
                continue;
            }

            if (button.Command is { Length: > 0 } && ButtonPayload.Encode(button) is { Length: <= DiscordMessageLimits.CustomId } payload && ids.Add(payload))
            {
                usable.Add(new DiscordButton { Style = DiscordButton.SecondaryStyle, Label = label, CustomId = payload });
            }
            else if (button.Command is null && DiscordMarkdown.HttpUrl(button.Url) is { Length: <= DiscordMessageLimits.Url } url)
            {
                usable.Add(new DiscordButton { Style = DiscordButton.LinkStyle, Label = label, Url = url });
            }
        }

        return usable
            .Take(DiscordMessageLimits.ActionRows * DiscordMessageLimits.ButtonsPerRow)
            .Chunk(DiscordMessageLimits.ButtonsPerRow)
            .Select(row => new DiscordActionRow(row))
            .ToList();
    }

    private static List<DiscordMessage> AsContent(Reply reply)
    {
        var paragraphs = new List<List<string>>();
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    AddText(paragraphs, text);
                    break;
                case ArticleBodyBlock body:
                    AddBody(paragraphs, body);
                    break;
            }
        }

        var flags = reply.SuppressLinkPreview ? SuppressEmbedsFlag : (int?)null;
        return Pack(paragraphs, DiscordMessageLimits.Content)
            .Select(chunk => new DiscordMessage { Content = chunk, Flags = flags })
            .ToList();
    }

    private static List<DiscordMessage> AsEmbeds(Reply reply, DateTimeOffset now, Texts t)
    {
        var color = reply.IsProblem ? ProblemColor : NormalColor;
        var messages = new List<DiscordMessage>();
        var embeds = new List<DiscordEmbed>();
        var paragraphs = new List<List<string>>();
        string? title = null;

        void FlushText()
        {
            var chunks = Pack(paragraphs, DiscordMessageLimits.Description);
            for (var i = 0; i < chunks.Count; i++)
            {
                embeds.Add(new DiscordEmbed { Title = i == 0 ? title : null, Description = chunks[i], Color = color });
            }

            if (chunks.Count == 0 && title is not null)
            {
                embeds.Add(new DiscordEmbed { Title = title, Color = color });
            }

            paragraphs.Clear();
            title = null;
        }

        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case TextBlock { Style: TextStyle.Heading } heading when title is null && paragraphs.Count == 0
                    && DiscordMarkdown.Clean(heading.Text).Trim() is { Length: > 0 and <= DiscordMessageLimits.Title } plain && !plain.Contains('\n', StringComparison.Ordinal):
                    title = plain;
                    break;
                case TextBlock text:
                    AddText(paragraphs, text);
                    break;
                case ArticleListBlock list:
                    foreach (var item in list.Items)
                    {
                        var when = item.Note ?? t.Ago(item.Article.PublishedAt, now);
                        var headline = DiscordMarkdown.Link(Bidi.Isolate(DiscordMarkdown.Truncate(item.Article.Title, DiscordMessageLimits.Title)), item.Article.Url);
                        AddParagraph(paragraphs,
                        [
                            $"**#{item.Article.Id.ToString(CultureInfo.InvariantCulture)}** {headline}",
                            DiscordMarkdown.Escape(DiscordMarkdown.Truncate($"{Bidi.Isolate(item.Article.SourceName)} · {when}", MaxRawLine)),
                        ]);
                    }

                    break;
                case EntryListBlock entries:
                    AddParagraph(paragraphs, entries.Entries.Select(EntryLine).ToList());
                    break;
                case ArticleCardBlock card:
                    FlushText();
                    embeds.Add(Card(card.Article, now, color, t));
                    break;
                case ArticleBodyBlock body:
                    // A whole text reads as messages of its own under the card, not inside an embed.
                    FlushText();
                    messages.AddRange(Group(embeds));
                    embeds.Clear();
                    var bodyParagraphs = new List<List<string>>();
                    AddBody(bodyParagraphs, body);
                    messages.AddRange(Pack(bodyParagraphs, DiscordMessageLimits.Content).Select(chunk => new DiscordMessage { Content = chunk, Flags = SuppressEmbedsFlag }));
                    break;
            }
        }

        FlushText();
        messages.AddRange(Group(embeds));
        return messages;
    }

    private static void AddBody(List<List<string>> paragraphs, ArticleBodyBlock body)
    {
        if (body.Heading is { } heading)
        {
            AddText(paragraphs, new TextBlock(heading, TextStyle.Heading));
        }

        foreach (var paragraph in body.Text.Split('\n'))
        {
            AddText(paragraphs, new TextBlock(paragraph));
        }
    }

    private static DiscordEmbed Card(ArticleView article, DateTimeOffset now, int color, Texts t)
    {
        var fields = new List<DiscordEmbedField>
        {
            new(t.Get("card.source"), DiscordMarkdown.Escape(DiscordMarkdown.Truncate(Or(article.SourceName, t.Get("card.unknownSource")), 200)), Inline: true),
            new(t.Get("card.published"), t.Get("card.when", ("ago", t.Ago(article.PublishedAt, now)), ("stamp", t.Stamp(article.PublishedAt))), Inline: true),
        };
        if (article.Topics.Count > 0)
        {
            fields.Add(new(t.Get("card.topicsField"), DiscordMarkdown.Escape(DiscordMarkdown.Truncate(t.List(article.Topics.Select(t.Topic)), 300)), Inline: true));
        }

        if (article.AlsoReportedBy.Count > 0)
        {
            fields.Add(new(t.Get("card.alsoReportedByField"), DiscordMarkdown.Escape(DiscordMarkdown.Truncate(t.List(article.AlsoReportedBy), 450))));
        }

        var summary = DiscordMarkdown.Truncate(article.Summary, CardSummary / 2);
        return new DiscordEmbed
        {
            Title = DiscordMarkdown.Truncate(Or(article.Title, t.Get("card.untitled")), DiscordMessageLimits.Title),
            Url = DiscordMarkdown.HttpUrl(article.Url),
            Description = summary.Length == 0 ? null : DiscordMarkdown.Escape(summary),
            Color = color,
            Fields = fields,
            Footer = new DiscordEmbedFooter("#" + article.Id.ToString(CultureInfo.InvariantCulture)),
            Timestamp = article.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Image = DiscordMarkdown.HttpUrl(article.ImageUrl) is { } image ? new DiscordEmbedImage(image) : null,
        };
    }

    private static string Or(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;

    private static string EntryLine(ListEntry entry)
    {
        var labelText = DiscordMarkdown.Truncate(entry.Label, 200);
        var label = labelText.StartsWith('/') && !labelText.Contains('`', StringComparison.Ordinal)
            ? $"`{labelText}`"
            : $"**{DiscordMarkdown.Escape(labelText)}**";
        return entry.Detail is { Length: > 0 } detail
            ? label + " — " + DiscordMarkdown.Escape(DiscordMarkdown.Truncate(detail, MaxRawLine - 210))
            : label;
    }

    private static void AddText(List<List<string>> paragraphs, TextBlock block)
    {
        foreach (var part in DiscordMarkdown.Clean(block.Text).Split("\n\n"))
        {
            var lines = new List<string>();
            foreach (var line in part.Split('\n'))
            {
                foreach (var piece in DiscordMarkdown.Cut(line.Trim(), MaxRawLine))
                {
                    var text = piece.Trim();
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    var escaped = DiscordMarkdown.Escape(text);
                    lines.Add(block.Style switch
                    {
                        TextStyle.Heading => $"**{escaped}**",
                        TextStyle.Hint => $"*{escaped}*",
                        _ => escaped,
                    });
                }
            }

            AddParagraph(paragraphs, lines);
        }
    }

    private static void AddParagraph(List<List<string>> paragraphs, List<string> lines)
    {
        var kept = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (kept.Count > 0)
        {
            paragraphs.Add(kept);
        }
    }

    /// <summary>Packs paragraphs into chunks of at most <paramref name="limit"/> characters, breaking between paragraphs, then lines.</summary>
    private static List<string> Pack(List<List<string>> paragraphs, int limit)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }
        }

        void Append(string text, string separator)
        {
            if (current.Length > 0 && current.Length + separator.Length + text.Length > limit)
            {
                Flush();
            }

            if (current.Length > 0)
            {
                current.Append(separator);
            }

            current.Append(text.Length <= limit ? text : text[..limit]);
        }

        foreach (var paragraph in paragraphs)
        {
            var whole = string.Join('\n', paragraph);
            if (whole.Length <= limit)
            {
                Append(whole, "\n\n");
                continue;
            }

            var separator = "\n\n";
            foreach (var line in paragraph)
            {
                Append(line, separator);
                separator = "\n";
            }
        }

        Flush();
        return chunks;
    }

    /// <summary>Groups embeds into messages of at most 10 embeds and 6,000 characters.</summary>
    private static List<DiscordMessage> Group(List<DiscordEmbed> embeds)
    {
        var messages = new List<DiscordMessage>();
        var current = new List<DiscordEmbed>();
        var total = 0;
        foreach (var embed in embeds)
        {
            var length = DiscordMessageLimits.EmbedLength(embed);
            if (current.Count > 0 && (current.Count == DiscordMessageLimits.EmbedsPerMessage || total + length > DiscordMessageLimits.EmbedTotal))
            {
                messages.Add(new DiscordMessage { Embeds = current });
                current = [];
                total = 0;
            }

            current.Add(embed);
            total += length;
        }

        if (current.Count > 0)
        {
            messages.Add(new DiscordMessage { Embeds = current });
        }

        return messages;
    }
}
