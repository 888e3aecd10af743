using NewsBot.Core.Reading;

namespace NewsBot.Tests.Reading;

/// <summary>/read with the whole article: the feed's body, the page read once and kept, failures kept briefly, opt-out, parts.</summary>
public sealed class ReadFullTextTests : BotTest
{
    private const string Summary = "The barrier opened on Tuesday.";

    [Fact]
    public async Task Read_OfAnArticleWhoseFeedCarriedItsBody_ShowsTheBody_WithoutFetchingThePage()
    {
        var article = await ArticleAsync();
        await Bot.Get<IArticleTextStore>().SaveAsync([new ArticleText(article.Id, ArticleTextOrigin.Feed, "The whole body from the feed.\nIts second paragraph.", FullTextProblem.None, TestBot.Now)], CancellationToken.None);

        var answer = await Bot.SendAsync($"/read {article.Id}");

        Assert.Contains("The whole body from the feed.", answer, StringComparison.Ordinal);
        Assert.Contains("Its second paragraph.", answer, StringComparison.Ordinal);
        Assert.Equal(0, Bot.Pages.ReadsOf(article.Url));
    }

    [Fact]
    public async Task Read_OfATeaser_ReadsThePageOnce_AndKeepsItWithTheArticle()
    {
        var article = await ArticleAsync(page: new PageText("Read from the page: every detail of the opening.", FullTextProblem.None));

        var first = await Bot.SendAsync($"/read {article.Id}");
        var second = await Bot.SendAsync($"/read {article.Id}");

        Assert.Contains("every detail of the opening", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Equal(1, Bot.Pages.ReadsOf(article.Url));
        var kept = await Bot.Get<IArticleTextStore>().GetAsync(article.Id, CancellationToken.None);
        Assert.Equal(ArticleTextOrigin.Page, kept!.Origin);
    }

    [Theory]
    [InlineData(FullTextProblem.TooLarge, "larger than the bot reads")]
    [InlineData(FullTextProblem.TimedOut, "took too long")]
    [InlineData(FullTextProblem.NotHtml, "is not a web page")]
    [InlineData(FullTextProblem.NoText, "no article text could be found")]
    [InlineData(FullTextProblem.Unreachable, "could not be reached")]
    public async Task Read_WhenThePageFails_ShowsTheSummaryWithANote_AndTriesAgainOnlyLater(FullTextProblem problem, string note)
    {
        var article = await ArticleAsync(page: PageText.Failed(problem));

        var first = await Bot.SendAsync($"/read {article.Id}");
        await Bot.SendAsync($"/read {article.Id}");
        var readsBeforeExpiry = Bot.Pages.ReadsOf(article.Url);
        Bot.Time.Advance(FullTexts.FailureKeptFor + TimeSpan.FromMinutes(1));
        await Bot.SendAsync($"/read {article.Id}");

        Assert.Contains(Summary, first, StringComparison.Ordinal);
        Assert.Contains(note, first, StringComparison.Ordinal);
        Assert.Equal(1, readsBeforeExpiry);
        Assert.Equal(2, Bot.Pages.ReadsOf(article.Url));
    }

    [Fact]
    public async Task Read_OfASourceThatOptedOut_NeverFetchesItsPages()
    {
        var article = await ArticleAsync();
        var source = (await Bot.Get<ISourceStore>().GetAsync(article.SourceId, CancellationToken.None))!;
        await Bot.Get<ISourceStore>().UpdateSettingsAsync(source with { FullText = FullTextMode.Never }, CancellationToken.None);
        Bot.Pages.Serve(article.Url, new PageText("Should never be shown.", FullTextProblem.None));

        var answer = await Bot.SendAsync($"/read {article.Id}");

        Assert.Contains(Summary, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Should never be shown", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Only the summary", answer, StringComparison.Ordinal);
        Assert.Equal(0, Bot.Pages.ReadsOf(article.Url));
    }

    [Fact]
    public async Task Read_OfALongText_ShowsTheFirstPart_WithContinue_UntilTheLastPart()
    {
        var article = await ArticleAsync(page: new PageText(LongText(), FullTextProblem.None));

        var first = (await Bot.ReplyToAsync($"/read {article.Id}"))!;
        var second = (await Bot.ReplyToAsync($"/read {article.Id} 2"))!;
        var last = (await Bot.ReplyToAsync($"/read {article.Id} 3"))!;
        var past = (await Bot.ReplyToAsync($"/read {article.Id} 9"))!;

        Assert.Contains("Paragraph 1 ", Body(first), StringComparison.Ordinal);
        Assert.DoesNotContain("Paragraph 40 ", Body(first), StringComparison.Ordinal);
        Assert.True(Body(first).Length <= ArticleParts.PartLength);
        Assert.Equal($"/read {article.Id} 2", Continue(first)?.Command);
        Assert.Equal(ButtonKind.Command, Continue(first)?.Kind);
        Assert.Contains("part 2 of 3", Assert.IsType<ArticleBodyBlock>(second.Blocks[0]).Heading, StringComparison.Ordinal);
        Assert.Equal($"/read {article.Id} 3", Continue(second)?.Command);
        Assert.Null(Continue(last));
        Assert.Contains("Paragraph 60 ", Body(last), StringComparison.Ordinal);
        Assert.Equal(Body(last), Body(past));
        Assert.Equal(
            LongText().Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
            string.Concat(Body(first), Body(second), Body(last)).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_OfAShortText_HasNoContinue()
    {
        var article = await ArticleAsync(page: new PageText("Short and whole.", FullTextProblem.None));

        var reply = (await Bot.ReplyToAsync($"/read {article.Id}"))!;

        Assert.Null(Continue(reply));
        Assert.Equal("Short and whole.", Body(reply));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("2 3")]
    public async Task Read_WithABadPart_SaysWhatToType(string part)
    {
        var article = await ArticleAsync();

        var reply = (await Bot.ReplyToAsync($"/read {article.Id} {part}"))!;

        Assert.True(reply.IsProblem);
        Assert.Contains($"/read {article.Id} 2", TerminalRenderer.Render(reply, TestBot.Now), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Pages.ReadsOf(article.Url));
    }

    /// <summary>A stored article with <see cref="Summary"/>; its page, when one is given, reads as <paramref name="page"/>.</summary>
    private async Task<Article> ArticleAsync(PageText? page = null)
    {
        var source = await Bot.Get<ISourceStore>().EnsureAsync("Harbour Post", "https://harbour.example/feed", [], fromConfiguration: false, CancellationToken.None);
        var article = (await Bot.IngestAsync(source, TestBot.Entry("Tidal barrier opens", Summary)))[0];
        if (page is not null)
        {
            Bot.Pages.Serve(article.Url, page);
        }

        return article;
    }

    private static string LongText() =>
        string.Join('\n', Enumerable.Range(1, 60).Select(i => $"Paragraph {i} tells how the gates swing shut when the tide rises, and how the pumps keep the river moving meanwhile, in some detail."));

    private static string Body(Reply reply) => string.Join('\n', reply.Blocks.OfType<ArticleBodyBlock>().Select(b => b.Text));

    private static ReplyButton? Continue(Reply reply) => reply.Buttons.FirstOrDefault(b => b.Command?.StartsWith("/read ", StringComparison.Ordinal) == true);
}
