namespace NewsBot.Tests.Digests;

public sealed class DigestComposerTests : IDisposable
{
    private readonly DeliveryRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private OutboxEntry Digest(IReadOnlyList<int> articleIds, string reference = "1") =>
        OutboxEntry.ForComposed("telegram:1", OutboxKind.Digest, OutboxKeys.Digest("telegram:1", 1, new DateOnly(2026, 11, 29)), reference, _rig.Bot.Time.GetUtcNow())
            with { StoryIds = articleIds, ArticleIds = articleIds };

    [Fact]
    public async Task PrunedArticles_ArePassedOver_ForTheNextInRank()
    {
        await _rig.Bot.SubscribeAsync("/subscribe technology daily 08:00");
        var stored = await _rig.NewsAsync("Robot one", "Robot two", "Robot three", "Robot four", "Robot five", "Robot six");
        var ids = new List<int> { 9_999 }; // pruned since the digest was made
        ids.AddRange(stored.Select(a => a.Id));

        var reply = (await _rig.Bot.Get<DigestComposer>().ComposeAsync(Digest(ids), CancellationToken.None))!;

        Assert.Equal("Your daily digest: technology — 7 new", Assert.IsType<TextBlock>(reply.Blocks[0]).Text);
        var listed = Assert.IsType<ArticleListBlock>(reply.Blocks[1]).Items.Select(i => i.Article.Title);
        Assert.Equal(["Robot one", "Robot two", "Robot three", "Robot four", "Robot five"], listed);
    }

    [Fact]
    public async Task EveryArticlePruned_OrSubscriptionGone_SendsNothing()
    {
        await _rig.Bot.SubscribeAsync("/subscribe technology daily 08:00");
        var composer = _rig.Bot.Get<DigestComposer>();
        var article = (await _rig.NewsAsync("Robot one"))[0];

        Assert.Null(await composer.ComposeAsync(Digest([9_998, 9_999]), CancellationToken.None));
        Assert.Null(await composer.ComposeAsync(Digest([article.Id], reference: "2"), CancellationToken.None));
        Assert.Null(await composer.ComposeAsync(Digest([article.Id], reference: "not a number"), CancellationToken.None));
        Assert.NotNull(await composer.ComposeAsync(Digest([article.Id]), CancellationToken.None));
    }
}
