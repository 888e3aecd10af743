using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NewsBot.Tests.Platforms.Discord;

public sealed class DiscordRendererTests
{
    private static DateTimeOffset Now => TestBot.Now;

    [Property(MaxTest = 200, Arbitrary = [typeof(Replies)])]
    public bool AnyReply_RendersToMessagesWithinEveryDiscordLimit(Reply reply)
    {
        var messages = DiscordRenderer.Render(reply, Now);
        return messages.Count > 0 && messages.All(m => DiscordMessageLimits.Breaches(m).Count == 0);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Replies)])]
    public bool AnyReply_PingsNobodyAndKeepsButtonsOnTheLastMessage(Reply reply)
    {
        var messages = DiscordRenderer.Render(reply, Now);
        var buttons = messages.SelectMany(m => m.Components ?? []).SelectMany(r => r.Components).ToList();
        return messages.All(m => m.AllowedMentions.Parse.Count == 0)
            && messages.Take(messages.Count - 1).All(m => m.Components is null)
            && buttons.Count <= 25
            && buttons.All(b => b.CustomId is null || b.CustomId.Length <= DiscordMessageLimits.CustomId);
    }

    [Fact]
    public void LongPlainReply_IsSplitIntoSeveralMessagesEachWithinTheContentLimit()
    {
        var words = Enumerable.Range(0, 1500).Select(i => "word" + i).ToList();
        var reply = Reply.Text(string.Join(' ', words));

        var messages = DiscordRenderer.Render(reply, Now);

        Assert.True(messages.Count >= 5);
        Assert.All(messages, m => Assert.InRange(m.Content!.Length, 1, DiscordMessageLimits.Content));
        var shown = string.Join(' ', messages.Select(m => m.Content)).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(words, shown);
    }

    [Fact]
    public void ArticleList_BecomesAnEmbedWithLinkedTitlesIdsAndSources()
    {
        var reply = new Reply
        {
            Blocks =
            [
                new TextBlock("Latest news", TextStyle.Heading),
                new ArticleListBlock([new ArticleListItem(Article(42, "Chip plant opens")), new ArticleListItem(Article(43, "Rovers sack coach"))]),
                new TextBlock("Page 1 of 3", TextStyle.Hint),
            ],
        };

        var embed = Assert.Single(Assert.Single(DiscordRenderer.Render(reply, Now)).Embeds!);

        Assert.Equal("Latest news", embed.Title);
        Expect.ContainsAll(embed.Description, "**#42** [Chip plant opens](https://news.example/42)", "**#43** [Rovers sack coach]", "Test Wire · 2 h ago");
        Assert.EndsWith("*Page 1 of 3*", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ArticleCard_BecomesAnEmbedWithTitleLinkSummaryFieldsAndImage()
    {
        var article = Article(42, "Chip plant opens") with { AlsoReportedBy = ["Greenline Weekly (#38)"] };

        var embed = Assert.Single(Assert.Single(DiscordRenderer.Render(new Reply { Blocks = [new ArticleCardBlock(article)] }, Now)).Embeds!);

        Assert.Equal("Chip plant opens", embed.Title);
        Assert.Equal("https://news.example/42", embed.Url);
        Assert.Equal("A new plant opens.", embed.Description);
        Assert.Equal(["Source", "Published", "Topics", "Also reported by"], embed.Fields!.Select(f => f.Name));
        Assert.Equal("#42", embed.Footer!.Text);
        Assert.Equal("https://img.example/42.png", embed.Image!.Url);
    }

    [Fact]
    public void ManyLongArticles_AreSpreadOverMessagesOfAtMostTenEmbedsAndSixThousandCharacters()
    {
        var items = Enumerable.Range(1, 300).Select(i => new ArticleListItem(Article(i, new string('t', 300) + i))).ToList();

        var messages = DiscordRenderer.Render(new Reply { Blocks = [new ArticleListBlock(items)] }, Now);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.Empty(DiscordMessageLimits.Breaches(m)));
        var descriptions = string.Join('\n', messages.SelectMany(m => m.Embeds!).Select(e => e.Description));
        Assert.All(items, i => Assert.Contains($"**#{i.Article.Id}**", descriptions, StringComparison.Ordinal));
    }

    [Fact]
    public void Buttons_BecomeRowsOfAtMostFiveWithTheCommandLineAsCustomId()
    {
        var buttons = Enumerable.Range(1, 11).Select(i => ReplyButton.ForCommand("Read " + i, "/read " + i)).Append(ReplyButton.ForUrl("Open", "https://news.example/1")).ToList();

        var rows = DiscordRenderer.Render(new Reply { Blocks = [new TextBlock("Pick one")], Buttons = buttons }, Now)[^1].Components!;

        Assert.Equal([5, 5, 2], rows.Select(r => r.Components.Count));
        Assert.Equal("/read 1", rows[0].Components[0].CustomId);
        var link = rows[2].Components[1];
        Assert.Equal(DiscordButton.LinkStyle, link.Style);
        Assert.Equal("https://news.example/1", link.Url);
        Assert.Null(link.CustomId);
    }

    [Fact]
    public void MarkdownAndMentionsInFeedText_AreShownAsWritten()
    {
        var messages = DiscordRenderer.Render(Reply.Text("**free** _money_ @everyone <@123> # not a heading"), Now);

        Assert.Equal("\\*\\*free\\*\\* \\_money\\_ @everyone \\<@123> # not a heading", messages[0].Content);
    }

    [Fact]
    public void PersonalityOfTheReply_DoesNotLeakIntoTheChannelMessage()
    {
        var message = DiscordRenderer.Render(Reply.Text("Saved") with { IsPersonal = true }, Now)[0];

        Assert.Null(message.Flags);
    }

    [Fact]
    public void SerializedMessage_CarriesAnEmptyMentionParseListAndSnakeCaseNames()
    {
        var message = DiscordRenderer.Render(new Reply { Blocks = [new TextBlock("Hi")], Buttons = [ReplyButton.ForCommand("More", "/latest 2")] }, Now)[0];

        var json = JsonSerializer.Serialize(message, DiscordJson.Options);

        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json, StringComparison.Ordinal);
        Assert.Contains("\"custom_id\":\"/latest 2\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    private static ArticleView Article(int id, string title) =>
        new(id, title, "Test Wire", Now.AddHours(-2), $"https://news.example/{id}", "A new plant opens.", $"https://img.example/{id}.png", ["technology"]);

    /// <summary>Replies of every shape: long and empty texts, markdown and mentions, broken links, many buttons.</summary>
    public static class Replies
    {
        private static readonly string[] Pieces =
        [
            "word ", "Title", "**", "_", "~~", "`", "|", "> ", "# ", "- ", "[", "](", ")", "<@123>", "@everyone", "\n", "\n\n", "\r\n", " ",
            "🚀", "\uD800", "\u0000", "日本語", "Привет", "https://news.example/a", new string('x', 700), new string('y', 1500) + " ",
            string.Concat(Enumerable.Repeat("long line of words ", 120)),
        ];

        private static readonly Gen<string> Texts = Gen.ListOf(Gen.Elements(Pieces)).Select(p => string.Concat(p));

        private static readonly Gen<ArticleView> Articles =
            from title in Texts
            from summary in Texts
            from id in Gen.Choose(1, 999_999)
            from url in Gen.Elements("https://news.example/a", "not a url", "javascript:alert(1)", "https://x.example/(odd) path", "")
            from image in Gen.Elements<string?>(null, "https://img.example/a.png", "ftp://nope")
            select new ArticleView(id, title, "Source " + id, Now.AddHours(-id % 50), url, summary, image, id % 2 == 0 ? ["technology", "science"] : [])
            {
                AlsoReportedBy = id % 3 == 0 ? ["Other Wire (#1)"] : [],
            };

        private static readonly Gen<ReplyBlock> Blocks = Gen.OneOf(
            from text in Texts
            from style in Gen.Elements(TextStyle.Normal, TextStyle.Heading, TextStyle.Hint)
            select (ReplyBlock)new TextBlock(text, style),
            Gen.ListOf(Articles).Select(list => (ReplyBlock)new ArticleListBlock(list.Select(a => new ArticleListItem(a)).ToList())),
            Articles.Select(a => (ReplyBlock)new ArticleCardBlock(a)),
            Gen.ListOf(from label in Texts from detail in Texts select new ListEntry(label, detail)).Select(entries => (ReplyBlock)new EntryListBlock(entries.ToList())));

        private static readonly Gen<ReplyButton> Buttons = Gen.OneOf(
            from label in Texts from id in Gen.Choose(1, 999_999) select ReplyButton.ForCommand(label, "/read " + id),
            from label in Texts from url in Gen.Elements("https://news.example/a", "nonsense") select ReplyButton.ForUrl(label, url));

        public static Arbitrary<Reply> Generate() =>
            (from blocks in Gen.ListOf(Blocks)
             from buttons in Gen.ListOf(Buttons)
             from personal in Gen.Elements(true, false)
             from problem in Gen.Elements(true, false)
             select new Reply { Blocks = blocks.ToList(), Buttons = buttons.ToList(), IsPersonal = personal, IsProblem = problem }).ToArbitrary();
    }
}
