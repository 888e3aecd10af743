using System.Text.RegularExpressions;

namespace NewsBot.Tests.Platforms.Telegram;

public sealed partial class TelegramRendererTests
{
    private static DateTimeOffset Now => TestBot.Now;

    [Fact]
    public void Render_FeedTextWithMarkupCharacters_IsEscapedEverywhere()
    {
        var article = Article(7, "<b>Bold & \"quoted\"</b>", "https://x.example/a?x=1&y=\"2\"", summary: "1 < 2 && 3 > 2 <unclosed");
        var reply = new Reply
        {
            Blocks =
            [
                new TextBlock("Results for <script>&amp;", TextStyle.Heading),
                new ArticleListBlock([new ArticleListItem(article)]),
                new EntryListBlock([new ListEntry("<i>label", "detail & more")]),
            ],
        };

        var text = Assert.Single(TelegramRenderer.Render(reply, Now).Texts);

        Expect.ContainsAll(
            text.Html,
            "<b>Results for &lt;script&gt;&amp;amp;</b>", "&lt;b&gt;Bold &amp; \"quoted\"&lt;/b&gt;</a>",
            "href=\"https://x.example/a?x=1&amp;y=%222%22\"", "<b>&lt;i&gt;label</b> — detail &amp; more");
        Assert.Equal(text.Plain, VisibleText(text.Html));
        Assert.Contains("<b>Bold & \"quoted\"</b>", text.Plain, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapeCore_Quote_IsAnEntityOnlyInAttributes()
    {
        Assert.Equal("a&quot;b&amp;&lt;&gt;", TelegramRenderer.EscapeCore("a\"b&<>", attribute: true));
        Assert.Equal("a\"b&amp;&lt;&gt;", TelegramRenderer.EscapeCore("a\"b&<>", attribute: false));
    }

    [Fact]
    public void Render_ArticleList_ShowsNumberIdSourceTimeAndLink_WithPreviewsOff()
    {
        var reply = new Reply
        {
            Blocks = [new ArticleListBlock([new ArticleListItem(Article(42, "Solar farm opens", "https://news.example/solar", hoursAgo: 2))])],
            SuppressLinkPreview = true,
        };

        var plan = TelegramRenderer.Render(reply, Now);

        Assert.True(plan.DisableLinkPreview);
        var html = Assert.Single(plan.Texts).Html;
        Assert.Equal("#42 <a href=\"https://news.example/solar\">Solar farm opens</a>\nWire · 2 h ago", html);
    }

    [Fact]
    public void Render_LinkThatIsNotHttp_IsShownAsBoldTextWithoutHref()
    {
        var reply = new Reply { Blocks = [new ArticleListBlock([new ArticleListItem(Article(1, "Sneaky", "javascript:alert(1)"))])] };

        var html = Assert.Single(TelegramRenderer.Render(reply, Now).Texts).Html;

        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("<b>Sneaky</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongReply_IsSplitWithin4096VisibleUnits_AtParagraphBoundaries()
    {
        // Each item is ~150 visible characters but ~230 of HTML: the limit must be counted on what people see.
        var items = Enumerable.Range(1, 60)
            .Select(i => new ArticleListItem(Article(i, $"Headline number {i} " + new string('x', 100), $"https://news.example/articles/{i}/{new string('p', 40)}")))
            .ToList();
        var reply = new Reply { Blocks = [new TextBlock("Latest", TextStyle.Heading), new ArticleListBlock(items)] };

        var texts = TelegramRenderer.Render(reply, Now).Texts;

        Assert.True(texts.Count >= 2);
        Assert.Contains(texts, t => t.Html.Length > TelegramRenderer.MaxMessageLength);
        foreach (var text in texts)
        {
            var visible = VisibleText(text.Html);
            Assert.True(visible.Length <= TelegramRenderer.MaxMessageLength, $"{visible.Length} visible units");
            Assert.Equal(text.Plain, visible);
            Assert.Matches(@"^#\d+ ", visible.Split('\n')[0].Replace("Latest", "#1 ", StringComparison.Ordinal));
        }

        // Nothing lost, nothing repeated, each item whole in one message.
        var all = string.Join("\n\n", texts.Select(t => t.Plain));
        for (var i = 1; i <= 60; i++)
        {
            Assert.Single(texts, t => t.Plain.Contains($"#{i} Headline number {i} ", StringComparison.Ordinal));
            Assert.Contains($"Headline number {i} ", all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_ExactlyAtTheLimit_IsOneMessage()
    {
        var reply = Reply.Text(new string('a', TelegramRenderer.MaxMessageLength));

        var text = Assert.Single(TelegramRenderer.Render(reply, Now).Texts);

        Assert.Equal(TelegramRenderer.MaxMessageLength, text.Plain.Length);
    }

    [Fact]
    public void Render_OneHugeParagraphOfMarkupCharacters_IsCutBetweenEntitiesNeverInsideOne()
    {
        var words = string.Join(' ', Enumerable.Repeat("<&>\"", 3000));
        var reply = new Reply { Blocks = [new TextBlock(words, TextStyle.Heading)] };

        var texts = TelegramRenderer.Render(reply, Now).Texts;

        Assert.True(texts.Count >= 3);
        foreach (var text in texts)
        {
            var visible = VisibleText(text.Html);
            Assert.InRange(visible.Length, 1, TelegramRenderer.MaxMessageLength);
            Assert.StartsWith("<b>", text.Html, StringComparison.Ordinal);
            Assert.EndsWith("</b>", text.Html, StringComparison.Ordinal);
        }

        Assert.Equal(words.Replace(" ", "", StringComparison.Ordinal), string.Concat(texts.Select(t => t.Plain.Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void Render_SurrogatePairAtTheCut_IsKeptWhole()
    {
        var text = new string('a', TelegramRenderer.MaxMessageLength - 1) + "😀" + "tail";

        var texts = TelegramRenderer.Render(Reply.Text(text), Now).Texts;

        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Assert.DoesNotContain(t.Plain, c => char.IsSurrogate(c) && !t.Plain.Contains("😀", StringComparison.Ordinal)));
        Assert.StartsWith("😀", texts[1].Plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyLinks_KeepsAtMost100EntitiesPerMessage()
    {
        var items = Enumerable.Range(1, 120).Select(i => new ArticleListItem(Article(i, "T" + i, "https://n.example/" + i))).ToList();

        var texts = TelegramRenderer.Render(new Reply { Blocks = [new ArticleListBlock(items)] }, Now).Texts;

        Assert.True(texts.Count >= 2);
        Assert.All(texts, t => Assert.True(TagCount().Count(t.Html) <= TelegramRenderer.MaxEntities));
    }

    [Fact]
    public void Render_CardWithImageAndShortSummary_IsAPhotoWithTheCardAsCaption()
    {
        var reply = Card(Article(8, "Zürich lab model", "https://news.example/ai", summary: "Short summary.", image: "https://img.example/ai.jpg"));

        var plan = TelegramRenderer.Render(reply, Now);

        Assert.NotNull(plan.Photo);
        Assert.Equal("https://img.example/ai.jpg", plan.Photo.Url);
        Assert.StartsWith("<b>Zürich lab model</b>\n#8 · Wire · ", plan.Photo.Caption.Html, StringComparison.Ordinal);
        Assert.Contains("Short summary.", plan.Photo.Caption.Plain, StringComparison.Ordinal);
        Assert.True(VisibleText(plan.Photo.Caption.Html).Length <= TelegramRenderer.MaxCaptionLength);
        Assert.Single(plan.Texts); // the fallback if the photo is refused
        Assert.Equal(["☆ Save", "Open"], plan.Keyboard!.InlineKeyboard.SelectMany(r => r).Select(b => b.Text));
    }

    [Fact]
    public void Render_CardWhoseCaptionWouldNotFit_IsText()
    {
        var reply = Card(Article(8, "Long read", "https://news.example/long", summary: new string('s', 1100), image: "https://img.example/x.jpg"));

        var plan = TelegramRenderer.Render(reply, Now);

        Assert.Null(plan.Photo);
        Assert.Contains(new string('s', 1100), Assert.Single(plan.Texts).Plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CaptionJustWithinTheLimitCountingVisibleText_IsStillAPhoto()
    {
        var article = Article(8, "T", "https://news.example/t", summary: "&", image: "https://img.example/x.jpg");
        var overhead = TelegramRenderer.Render(Card(article), Now).Photo!.Caption.Plain.Length;
        var fits = article with { Summary = new string('&', 1 + TelegramRenderer.MaxCaptionLength - overhead) };

        var plan = TelegramRenderer.Render(Card(fits), Now);

        Assert.NotNull(plan.Photo);
        Assert.Equal(TelegramRenderer.MaxCaptionLength, plan.Photo.Caption.Plain.Length);
        Assert.True(plan.Photo.Caption.Html.Length > TelegramRenderer.MaxCaptionLength);
        Assert.Null(TelegramRenderer.Render(Card(fits with { Summary = fits.Summary + "&" }), Now).Photo);
    }

    [Fact]
    public void Render_CardWithImageThatIsNotHttp_IsText()
    {
        var plan = TelegramRenderer.Render(Card(Article(1, "T", "https://n.example/t", image: "file:///etc/passwd")), Now);

        Assert.Null(plan.Photo);
    }

    [Fact]
    public void Keyboard_PageButtonOfTheLargestSize_FillsTelegrams64Bytes_WithItsKindAndCommand()
    {
        var command = "/topic " + new string('é', 26) + "xyz"; // 7 + 52 + 3 = 62 bytes, and "p:" in front
        var buttons = new[] { ReplyButton.ForCommand("Topic", command, ButtonKind.PageTurn), ReplyButton.ForUrl("Open", "https://n.example/a b"), ReplyButton.ForUrl("Bad", "ftp://n.example") };

        var keyboard = TelegramRenderer.Keyboard(buttons)!;
        var all = keyboard.InlineKeyboard.SelectMany(r => r).ToList();

        Assert.Equal(64, Encoding.UTF8.GetByteCount(all[0].CallbackData!));
        Assert.Equal("p:" + command, all[0].CallbackData);
        Assert.Equal((ButtonKind.PageTurn, command), ButtonPayload.Decode(all[0].CallbackData!));
        Assert.Equal("https://n.example/a%20b", all[1].Url);
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public void Keyboard_CommandOver64Bytes_CannotBeMadeIntoAButton()
    {
        Assert.Null(ReplyButton.TryForCommand("Topic", "/topic " + new string('é', 29)));
    }

    [Fact]
    public void Keyboard_ManyButtons_AreLaidOutAFewPerRow()
    {
        var buttons = Enumerable.Range(1, 8).Select(i => ReplyButton.ForCommand("T" + i, "/topic t" + i)).ToList();

        var rows = TelegramRenderer.Keyboard(buttons)!.InlineKeyboard.Select(r => r.Count()).ToList();

        Assert.Equal([3, 3, 2], rows);
    }

    [Fact]
    public void Keyboard_NoButtons_IsNull()
    {
        Assert.Null(TelegramRenderer.Keyboard([]));
    }

    [Fact]
    public void InlineArticle_ShowsLinkedTitleSourceAndTime()
    {
        var text = TelegramRenderer.InlineArticle(Article(5, "A & B", "https://n.example/ab", hoursAgo: 3), Now, LanguageCatalog.Default.For(LanguageCatalog.EnglishCode));

        Assert.Equal("<a href=\"https://n.example/ab\">A &amp; B</a>\nWire · 3 h ago", text.Html);
    }

    /// <summary>Checks Telegram's HTML rules (known tags, balanced, known entities) and returns the text people see.</summary>
    internal static string VisibleText(string html)
    {
        var visible = new StringBuilder();
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                Assert.True(end > i, "unclosed tag");
                var tag = html[(i + 1)..end];
                if (tag.StartsWith('/'))
                {
                    Assert.Equal(open.Pop(), tag[1..]);
                }
                else
                {
                    var name = tag.Split(' ')[0];
                    Assert.Contains(name, new[] { "b", "i", "a" });
                    Assert.DoesNotContain('<', tag);
                    open.Push(name);
                }

                i = end + 1;
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                var entity = html[i..(end + 1)];
                visible.Append(entity switch
                {
                    "&lt;" => "<",
                    "&gt;" => ">",
                    "&amp;" => "&",
                    "&quot;" => "\"",
                    _ => throw new Xunit.Sdk.XunitException($"unknown entity {entity}"),
                });
                i = end + 1;
            }
            else
            {
                Assert.NotEqual('>', c);
                visible.Append(c);
                i++;
            }
        }

        Assert.Empty(open);
        return visible.ToString();
    }

    private static Reply Card(ArticleView article) => new()
    {
        Blocks = [new ArticleCardBlock(article)],
        Buttons = [ReplyButton.ForCommand("☆ Save", $"/bookmark {article.Id}"), ReplyButton.ForUrl("Open", article.Url)],
    };

    private static ArticleView Article(int id, string title, string url, string summary = "", string? image = null, int hoursAgo = 1) =>
        new(id, title, "Wire", Now.AddHours(-hoursAgo), url, summary, image, ["technology"]);

    [GeneratedRegex("<(b|i|a)[ >]")]
    private static partial Regex TagCount();
}
