namespace NewsBot.Tests.Storage.Contract;

/// <summary>Full texts and source settings, kept alike by both databases.</summary>
public abstract class ArticleTextStoreContract : StoreContract
{
    private protected ArticleTextStoreContract(StoreFactory factory)
        : base(factory)
    {
    }

    [Fact]
    public async Task Texts_AreSavedReplacedAndReadBack_AndGoWithTheirArticle()
    {
        var source = await Stores.Sources.EnsureAsync("Wire", "https://wire.example/feed", [], fromConfiguration: false, None);
        var added = (await Stores.Articles.AddNewAsync([Draft(source.Id, "old", Now.AddDays(-40)), Draft(source.Id, "new", Now)], None)).Added;
        var (old, fresh) = (added[0], added[1]);

        await Stores.ArticleTexts.SaveAsync([ArticleText.Failure(fresh.Id, FullTextProblem.TimedOut, Now), new ArticleText(old.Id, ArticleTextOrigin.Feed, "Old body.\nSecond line.", FullTextProblem.None, Now)], None);
        await Stores.ArticleTexts.SaveAsync([new ArticleText(fresh.Id, ArticleTextOrigin.Page, "Read from the page.", FullTextProblem.None, Now.AddMinutes(1))], None);
        await Stores.ArticleTexts.SaveAsync([new ArticleText(9999, ArticleTextOrigin.Page, "No such article.", FullTextProblem.None, Now)], None);
        await Stores.ReopenAsync();

        Assert.Equal(new ArticleText(fresh.Id, ArticleTextOrigin.Page, "Read from the page.", FullTextProblem.None, Now.AddMinutes(1)), await Stores.ArticleTexts.GetAsync(fresh.Id, None));
        Assert.Equal("Old body.\nSecond line.", (await Stores.ArticleTexts.GetAsync(old.Id, None))!.Text);
        Assert.Null(await Stores.ArticleTexts.GetAsync(9999, None));

        await Stores.Articles.DeleteOlderThanAsync(Now.AddDays(-30), new HashSet<string>(), None);

        Assert.Null(await Stores.ArticleTexts.GetAsync(old.Id, None));
        Assert.NotNull(await Stores.ArticleTexts.GetAsync(fresh.Id, None));
    }

    [Fact]
    public async Task AFailure_IsKeptWithItsReason()
    {
        var source = await Stores.Sources.EnsureAsync("Wire", "https://wire.example/feed", [], fromConfiguration: false, None);
        var article = (await Stores.Articles.AddNewAsync([Draft(source.Id, "a", Now)], None)).Added[0];

        await Stores.ArticleTexts.SaveAsync([ArticleText.Failure(article.Id, FullTextProblem.TooLarge, Now)], None);

        var read = (await Stores.ArticleTexts.GetAsync(article.Id, None))!;
        Assert.Equal(ArticleTextOrigin.Failed, read.Origin);
        Assert.Equal(FullTextProblem.TooLarge, read.Problem);
        Assert.False(read.HasText);
    }

    [Fact]
    public async Task Settings_AreSavedAndReadBack_AndAHealthSaveLeavesThemAlone()
    {
        var source = await Stores.Sources.EnsureAsync("Wire", "https://wire.example/feed", ["science"], fromConfiguration: false, None);
        var pollingSnapshot = source with { LastSuccessAt = Now, ItemCount = 3 };

        Assert.True(await Stores.Sources.UpdateSettingsAsync(source with { Name = "Wire Weekly", Topics = ["climate"], Paused = true, PollInterval = TimeSpan.FromMinutes(30), FullText = FullTextMode.Never, NextPollAt = Now.AddMinutes(30) }, None));
        await Stores.Sources.SaveAsync(pollingSnapshot, None);
        await Stores.ReopenAsync();
        var read = (await Stores.Sources.GetAsync(source.Id, None))!;

        Assert.Equal("Wire Weekly", read.Name);
        Assert.Equal(["climate"], read.Topics);
        Assert.True(read.Paused);
        Assert.Equal(TimeSpan.FromMinutes(30), read.PollInterval);
        Assert.Equal(FullTextMode.Never, read.FullText);
        Assert.Equal(3, read.ItemCount);
        Assert.False(await Stores.Sources.UpdateSettingsAsync(source with { Id = 4242 }, None));
    }

    private static ArticleDraft Draft(int sourceId, string key, DateTimeOffset published) =>
        new(new Article(0, $"https://wire.example/{key}", $"{sourceId}:{key}", $"Story {key}", "Summary.", null, sourceId, "Wire", published, published, [], null), $"{sourceId}:{key}");
}

public sealed class LiteDbArticleTextStoreTests() : ArticleTextStoreContract(new LiteDbStores());

public sealed class PostgresArticleTextStoreTests(PostgresDatabaseFixture database) : ArticleTextStoreContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
