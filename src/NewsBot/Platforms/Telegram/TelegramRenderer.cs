using System.Globalization;
using System.Text;
using NewsBot.Core.Replies;
using Telegram.Bot.Types.ReplyMarkups;

namespace NewsBot.Platforms.Telegram;

/// <summary>One message's text: the HTML to send and the same text as people see it (the fallback if HTML is refused).</summary>
internal sealed record TelegramText(string Html, string Plain);

/// <summary>A photo with its caption.</summary>
internal sealed record TelegramPhoto(string Url, TelegramText Caption);

/// <summary>
/// A reply rendered for Telegram: one or more text messages (each within Telegram's limit,
/// counted on the visible text), or a photo tried first with the texts as the fallback. The
/// keyboard goes under the last message sent.
/// </summary>
internal sealed record TelegramMessagePlan(
    IReadOnlyList<TelegramText> Texts,
    TelegramPhoto? Photo,
    InlineKeyboardMarkup? Keyboard,
    bool DisableLinkPreview);

/// <summary>
/// Turns a neutral <see cref="Reply"/> into Telegram HTML. Pure. Every piece of text is escaped,
/// every tag is opened and closed within one run, and splitting happens only between runs (or
/// inside a run's text, which then gets its own tags), so the output can never be refused with
/// "can't parse entities".
/// </summary>
internal static class TelegramRenderer
{
    /// <summary>Telegram's limit for a message, in UTF-16 units after entity parsing.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Telegram's limit for a media caption.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>Beyond this many entities in one message Telegram ignores the formatting.</summary>
    public const int MaxEntities = 100;

    public const int MaxButtonsPerRow = 3;

    public static TelegramMessagePlan Render(Reply reply, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var paragraphs = Layout(reply, now);
        var texts = Split(paragraphs, MaxMessageLength);
        var photo = PhotoFor(reply, paragraphs);
        return new TelegramMessagePlan(texts, photo, Keyboard(reply.Buttons), reply.SuppressLinkPreview);
    }

    /// <summary>The message an inline-mode result posts into a chat: title, source, time and link.</summary>
    public static TelegramText InlineArticle(ArticleView article, DateTimeOffset now)
    {
        List<List<Run>> lines =
        [
            [TitleRun(article.Title, article.Url)],
            [Run.Plain($"{article.SourceName} · {RelativeTime.Format(article.PublishedAt, now)}")],
        ];
        var paragraphs = new List<Paragraph>();
        AddIfAny(paragraphs, lines);
        return Split(paragraphs, MaxMessageLength)[0];
    }

    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<ReplyButton> buttons)
    {
        var usable = new List<InlineKeyboardButton>();
        foreach (var button in buttons)
        {
            var label = Clean(button.Label).Trim();
            if (label.Length == 0)
            {
                continue;
            }

            if (button.Command is { } command && command.Length > 0 && Encoding.UTF8.GetByteCount(command) <= ReplyButton.MaxCommandBytes)
            {
                usable.Add(InlineKeyboardButton.WithCallbackData(label, ButtonPayload.Encode(button)));
            }
            else if (button.Url is { } url && HttpUrl(url) is { } href)
            {
                usable.Add(InlineKeyboardButton.WithUrl(label, href));
            }
        }

        return usable.Count == 0 ? null : new InlineKeyboardMarkup(usable.Chunk(MaxButtonsPerRow));
    }

    /// <summary>Escapes text for a Telegram HTML text node.</summary>
    public static string Escape(string text) => EscapeCore(Clean(text), attribute: false);

    /// <summary>Escapes text for a double-quoted Telegram HTML attribute.</summary>
    public static string EscapeAttribute(string text) => EscapeCore(Clean(text), attribute: true);

    /// <summary>The absolute http(s) form of a URL, or null for anything else (javascript:, relative, garbage).</summary>
    public static string? HttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static TelegramPhoto? PhotoFor(Reply reply, List<Paragraph> paragraphs)
    {
        if (reply.Blocks is not [ArticleCardBlock card] || HttpUrl(card.Article.ImageUrl) is not { } image)
        {
            return null;
        }

        var caption = Split(paragraphs, MaxCaptionLength);
        return caption.Count == 1 ? new TelegramPhoto(image, caption[0]) : null;
    }

    private static List<Paragraph> Layout(Reply reply, DateTimeOffset now)
    {
        var paragraphs = new List<Paragraph>();
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    var style = text.Style switch
                    {
                        TextStyle.Heading => RunStyle.Bold,
                        TextStyle.Hint => RunStyle.Italic,
                        _ => RunStyle.Plain,
                    };
                    foreach (var part in text.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
                    {
                        AddIfAny(paragraphs, part.Split('\n').Select(line => new List<Run> { new(line, style) }));
                    }

                    break;
                case ArticleListBlock list:
                    foreach (var item in list.Items)
                    {
                        var when = item.Note ?? RelativeTime.Format(item.Article.PublishedAt, now);
                        AddIfAny(paragraphs,
                        [
                            [Run.Plain($"#{item.Article.Id} "), TitleRun(item.Article.Title, item.Article.Url)],
                            [Run.Plain($"{item.Article.SourceName} · {when}")],
                        ]);
                    }

                    break;
                case ArticleCardBlock card:
                    AddCard(paragraphs, card.Article, now);
                    break;
                case EntryListBlock entries:
                    AddIfAny(paragraphs, entries.Entries.Select(EntryLine));
                    break;
            }
        }

        return paragraphs;
    }

    private static void AddCard(List<Paragraph> paragraphs, ArticleView article, DateTimeOffset now)
    {
        var when = $"{RelativeTime.Format(article.PublishedAt, now)} ({article.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)";
        List<List<Run>> head =
        [
            [new Run(article.Title, RunStyle.Bold)],
            [Run.Plain($"#{article.Id} · {article.SourceName} · {when}")],
        ];
        if (article.Topics.Count > 0)
        {
            head.Add([new Run("Topics: " + string.Join(", ", article.Topics), RunStyle.Italic)]);
        }

        AddIfAny(paragraphs, head);
        foreach (var line in article.Summary.Split('\n'))
        {
            AddIfAny(paragraphs, [[Run.Plain(line)]]);
        }

        if (HttpUrl(article.Url) is { } href)
        {
            var host = new Uri(href).Host;
            AddIfAny(paragraphs, [[new Run("Read it at " + host, RunStyle.Link, href)]]);
        }
    }

    private static List<Run> EntryLine(ListEntry entry)
    {
        // Commands stay plain so Telegram makes them tappable.
        var label = entry.Label.StartsWith('/') ? Run.Plain(entry.Label) : new Run(entry.Label, RunStyle.Bold);
        return entry.Detail is null ? [label] : [label, Run.Plain(" — " + entry.Detail)];
    }

    private static Run TitleRun(string title, string url) =>
        HttpUrl(url) is { } href ? new Run(title, RunStyle.Link, href) : new Run(title, RunStyle.Bold);

    private static void AddIfAny(List<Paragraph> paragraphs, IEnumerable<List<Run>> lines)
    {
        var kept = lines
            .Select(line => line.Select(r => r with { Text = Clean(r.Text) }).Where(r => r.Text.Length > 0).ToList())
            .Where(line => line.Any(r => !string.IsNullOrWhiteSpace(r.Text)))
            .ToList();
        if (kept.Count > 0)
        {
            paragraphs.Add(new Paragraph(kept));
        }
    }

    /// <summary>Packs paragraphs into messages of at most <paramref name="limit"/> visible units, breaking at paragraphs, then lines, then words.</summary>
    private static List<TelegramText> Split(List<Paragraph> paragraphs, int limit)
    {
        var chunks = new List<TelegramText>();
        var current = new ChunkBuilder();

        void Flush()
        {
            if (!current.IsEmpty)
            {
                chunks.Add(current.Build());
                current = new ChunkBuilder();
            }
        }

        void Place(List<Run> line, string separator)
        {
            if (current.Fits(line, separator, limit))
            {
                current.Add(line, separator);
                return;
            }

            Flush();
            if (current.Fits(line, separator, limit))
            {
                current.Add(line, separator);
                return;
            }

            foreach (var piece in Cut(line, limit))
            {
                if (!current.Fits(piece, separator, limit))
                {
                    Flush();
                }

                current.Add(piece, separator);
            }
        }

        foreach (var paragraph in paragraphs)
        {
            if (current.Fits(paragraph, limit))
            {
                current.Add(paragraph);
                continue;
            }

            if (!current.IsEmpty && new ChunkBuilder().Fits(paragraph, limit))
            {
                Flush();
                current.Add(paragraph);
                continue;
            }

            // The paragraph is larger than a whole message: fall back to line breaks.
            var separator = "\n\n";
            foreach (var line in paragraph.Lines)
            {
                Place(line, separator);
                separator = "\n";
            }
        }

        Flush();
        return chunks;
    }

    /// <summary>Cuts one over-long line into pieces that each fit an empty message, preferring spaces.</summary>
    private static IEnumerable<List<Run>> Cut(List<Run> line, int limit)
    {
        var piece = new List<Run>();
        var length = 0;
        foreach (var run in line)
        {
            var text = run.Text;
            while (text.Length > 0)
            {
                var room = limit - length;
                if (piece.Count >= MaxEntities || room <= 0)
                {
                    yield return piece;
                    piece = [];
                    length = 0;
                    room = limit;
                }

                if (text.Length <= room)
                {
                    piece.Add(run with { Text = text });
                    length += text.Length;
                    break;
                }

                var take = room;
                var space = text.LastIndexOf(' ', take - 1, take);
                if (space > take / 2)
                {
                    take = space + 1;
                }
                else if (char.IsHighSurrogate(text[take - 1]))
                {
                    take--;
                }

                if (take > 0)
                {
                    piece.Add(run with { Text = text[..take] });
                }

                text = text[take..];
                yield return piece;
                piece = [];
                length = 0;
            }
        }

        if (piece.Count > 0)
        {
            yield return piece;
        }
    }

    /// <summary>Drops lone surrogates and control characters that Telegram would refuse or show as garbage.</summary>
    private static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                keep = false;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c != '\n' && c != '\t'))
            {
                keep = false;
            }

            if (!keep && builder is null)
            {
                builder = new StringBuilder(text.Length).Append(text, 0, i);
            }
            else if (keep)
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }

    private static string EscapeCore(string text, bool attribute)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }

    private enum RunStyle
    {
        Plain,
        Bold,
        Italic,
        Link,
    }

    private readonly record struct Run(string Text, RunStyle Style, string? Href = null)
    {
        public static Run Plain(string text) => new(text, RunStyle.Plain);

        public bool IsEntity => Style != RunStyle.Plain;

        public void AppendHtml(StringBuilder html)
        {
            var text = EscapeCore(Text, attribute: false);
            _ = Style switch
            {
                RunStyle.Bold => html.Append("<b>").Append(text).Append("</b>"),
                RunStyle.Italic => html.Append("<i>").Append(text).Append("</i>"),
                RunStyle.Link => html.Append("<a href=\"").Append(EscapeCore(Href!, attribute: true)).Append("\">").Append(text).Append("</a>"),
                _ => html.Append(text),
            };
        }
    }

    private sealed record Paragraph(List<List<Run>> Lines)
    {
        public int Length => Lines.Sum(l => l.Sum(r => r.Text.Length)) + Lines.Count - 1;

        public int Entities => Lines.Sum(l => l.Count(r => r.IsEntity));
    }

    private sealed class ChunkBuilder
    {
        private readonly StringBuilder _html = new();
        private readonly StringBuilder _plain = new();
        private int _entities;

        public bool IsEmpty => _plain.Length == 0;

        public bool Fits(Paragraph paragraph, int limit) =>
            Separator("\n\n").Length + _plain.Length + paragraph.Length <= limit && _entities + paragraph.Entities <= MaxEntities;

        public bool Fits(List<Run> line, string separator, int limit) =>
            Separator(separator).Length + _plain.Length + line.Sum(r => r.Text.Length) <= limit
            && _entities + line.Count(r => r.IsEntity) <= MaxEntities;

        public void Add(Paragraph paragraph)
        {
            var separator = "\n\n";
            foreach (var line in paragraph.Lines)
            {
                Add(line, separator);
                separator = "\n";
            }
        }

        public void Add(List<Run> line, string separator)
        {
            var sep = Separator(separator);
            _html.Append(sep);
            _plain.Append(sep);
            foreach (var run in line)
            {
                run.AppendHtml(_html);
                _plain.Append(run.Text);
                _entities += run.IsEntity ? 1 : 0;
            }
        }

        public TelegramText Build() => new(_html.ToString(), _plain.ToString());

        private string Separator(string wanted) => IsEmpty ? string.Empty : wanted;
    }
}
