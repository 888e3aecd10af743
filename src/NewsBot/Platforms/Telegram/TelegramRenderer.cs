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
        var paragraphs = Layout(reply, now, LanguageCatalog.Default.For(reply.Language));
        var texts = TelegramMessageSplitter.Split(paragraphs, MaxMessageLength);
        var photo = PhotoFor(reply, paragraphs);
        return new TelegramMessagePlan(texts, photo, Keyboard(reply.Buttons), reply.SuppressLinkPreview);
    }

    /// <summary>The message an inline-mode result posts into a chat: title, source, time and link.</summary>
    public static TelegramText InlineArticle(ArticleView article, DateTimeOffset now, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(texts);
        List<List<TelegramRun>> lines =
        [
            [TitleRun(article.Title, article.Url)],
            [TelegramRun.Plain($"{Bidi.Isolate(article.SourceName)} · {texts.Ago(article.PublishedAt, now)}")],
        ];
        var paragraphs = new List<TelegramParagraph>();
        AddIfAny(paragraphs, lines);
        return TelegramMessageSplitter.Split(paragraphs, MaxMessageLength)[0];
    }

    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<ReplyButton> buttons)
    {
        var usable = new List<InlineKeyboardButton>();
        foreach (var button in buttons)
        {
            var label = ChatText.Clean(button.Label).Trim();
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

    /// <summary>The absolute http(s) form of a URL, or null for anything else (javascript:, relative, garbage).</summary>
    public static string? HttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static TelegramPhoto? PhotoFor(Reply reply, List<TelegramParagraph> paragraphs)
    {
        // A card alone, or with a line under it (why the whole text is missing), can go as a photo; a whole text cannot.
        if (reply.Blocks is not [ArticleCardBlock card, ..] || reply.Blocks.Skip(1).Any(b => b is not TextBlock) || HttpUrl(card.Article.ImageUrl) is not { } image)
        {
            return null;
        }

        var caption = TelegramMessageSplitter.Split(paragraphs, MaxCaptionLength);
        return caption.Count == 1 ? new TelegramPhoto(image, caption[0]) : null;
    }

    private static List<TelegramParagraph> Layout(Reply reply, DateTimeOffset now, Texts t)
    {
        var paragraphs = new List<TelegramParagraph>();
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    var style = text.Style switch
                    {
                        TextStyle.Heading => TelegramRunStyle.Bold,
                        TextStyle.Hint => TelegramRunStyle.Italic,
                        _ => TelegramRunStyle.Plain,
                    };
                    foreach (var part in text.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
                    {
                        AddIfAny(paragraphs, part.Split('\n').Select(line => new List<TelegramRun> { new(line, style) }));
                    }

                    break;
                case ArticleListBlock list:
                    foreach (var item in list.Items)
                    {
                        var when = item.Note ?? t.Ago(item.Article.PublishedAt, now);
                        AddIfAny(paragraphs,
                        [
                            [TelegramRun.Plain($"#{item.Article.Id} "), TitleRun(item.Article.Title, item.Article.Url)],
                            [TelegramRun.Plain($"{Bidi.Isolate(item.Article.SourceName)} · {when}")],
                        ]);
                    }

                    break;
                case ArticleCardBlock card:
                    AddCard(paragraphs, card.Article, now, t);
                    break;
                case EntryListBlock entries:
                    AddIfAny(paragraphs, entries.Entries.Select(EntryLine));
                    break;
                case ArticleBodyBlock body:
                    if (body.Heading is { } heading)
                    {
                        AddIfAny(paragraphs, [[new TelegramRun(heading, TelegramRunStyle.Bold)]]);
                    }

                    foreach (var line in body.Text.Split('\n'))
                    {
                        AddIfAny(paragraphs, [[TelegramRun.Plain(line)]]);
                    }

                    break;
            }
        }

        return paragraphs;
    }

    private static void AddCard(List<TelegramParagraph> paragraphs, ArticleView article, DateTimeOffset now, Texts t)
    {
        var when = t.Get("card.when", ("ago", t.Ago(article.PublishedAt, now)), ("stamp", t.Stamp(article.PublishedAt)));
        List<List<TelegramRun>> head =
        [
            [new TelegramRun(Bidi.Isolate(article.Title), TelegramRunStyle.Bold)],
            [TelegramRun.Plain($"#{article.Id} · {Bidi.Isolate(article.SourceName)} · {when}")],
        ];
        if (article.Topics.Count > 0)
        {
            head.Add([new TelegramRun(t.Get("card.topics", ("topics", t.List(article.Topics.Select(t.Topic)))), TelegramRunStyle.Italic)]);
        }

        AddIfAny(paragraphs, head);
        foreach (var line in article.Summary.Split('\n'))
        {
            AddIfAny(paragraphs, [[TelegramRun.Plain(line)]]);
        }

        if (HttpUrl(article.Url) is { } href)
        {
            var host = new Uri(href).Host;
            AddIfAny(paragraphs, [[new TelegramRun(t.Get("card.readAt", ("host", host)), TelegramRunStyle.Link, href)]]);
        }
    }

    private static List<TelegramRun> EntryLine(ListEntry entry)
    {
        // Commands stay plain so Telegram makes them tappable.
        var label = entry.Label.StartsWith('/') ? TelegramRun.Plain(entry.Label) : new TelegramRun(entry.Label, TelegramRunStyle.Bold);
        return entry.Detail is null ? [label] : [label, TelegramRun.Plain(" — " + entry.Detail)];
    }

    private static TelegramRun TitleRun(string title, string url) =>
        HttpUrl(url) is { } href ? new TelegramRun(Bidi.Isolate(title), TelegramRunStyle.Link, href) : new TelegramRun(Bidi.Isolate(title), TelegramRunStyle.Bold);

    private static void AddIfAny(List<TelegramParagraph> paragraphs, IEnumerable<List<TelegramRun>> lines)
    {
        var kept = lines
            .Select(line => line.Select(r => r with { Text = ChatText.Clean(r.Text) }).Where(r => r.Text.Length > 0).ToList())
            .Where(line => line.Any(r => !string.IsNullOrWhiteSpace(r.Text)))
            .ToList();
        if (kept.Count > 0)
        {
            paragraphs.Add(new TelegramParagraph(kept));
        }
    }

    internal static string EscapeCore(string text, bool attribute)
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
}
