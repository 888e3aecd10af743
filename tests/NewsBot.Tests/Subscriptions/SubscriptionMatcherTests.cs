namespace NewsBot.Tests.Subscriptions;

public sealed class SubscriptionMatcherTests : IDisposable
{
    private static DateTimeOffset Now => TestBot.Now;
    private readonly SubscriptionMatcher _matcher = new();
    private int _nextId = 1;

    public void Dispose() => _matcher.Dispose();

    [Fact]
    public void Match_TopicSubscription_MatchesArticlesInTheTopic()
    {
        var tech = Subscribe(SubscriptionKind.Topic, "Technology");

        Assert.Equal([tech.Id], Ids(Article("Robot kitchens", topics: ["technology"])));
        Assert.Empty(Ids(Article("Robot kitchens", topics: ["science"])));
    }

    [Theory]
    [InlineData("electric cars", "Electric car sales rise", true)]
    [InlineData("electric cars", "Electric kettles are back", false)]
    [InlineData("\"solar farm\"", "New solar farm opens", true)]
    [InlineData("\"solar farm\"", "Farm goes solar", false)]
    [InlineData("solar -wind", "Solar and wind auction", false)]
    [InlineData("solar -\"wind farm\"", "Solar beats the wind", true)]
    [InlineData("zurich", "Café opens in Zürich", true)]
    public void Match_KeywordSubscription_NeedsEveryWordAndPhraseAndNoExclusion(string query, string title, bool expected)
    {
        var subscription = Subscribe(SubscriptionKind.Keywords, query);

        Assert.Equal(expected, Ids(Article(title)).Contains(subscription.Id));
    }

    [Fact]
    public void Match_WordsInTheSummaryCount()
    {
        var subscription = Subscribe(SubscriptionKind.Keywords, "glacier survey");

        Assert.Equal([subscription.Id], Ids(Article("Ice loss", "A radar survey of the glacier")));
    }

    [Fact]
    public void Remove_StopsMatching()
    {
        var subscription = Subscribe(SubscriptionKind.Keywords, "robot");
        var topic = Subscribe(SubscriptionKind.Topic, "technology");

        _matcher.Remove([subscription.Id, topic.Id]);

        Assert.Empty(Ids(Article("Robot news", topics: ["technology"])));
        Assert.Equal(0, _matcher.Count);
    }

    [Fact]
    public void Match_ManySubscriptions_OnlyTheMatchingOnesAreReturned()
    {
        for (var i = 0; i < 10_000; i++)
        {
            Subscribe(SubscriptionKind.Keywords, $"word{i} common");
        }

        var wanted = Subscribe(SubscriptionKind.Keywords, "word42 common");

        var matches = Ids(Article("Something about word42 and common things"));

        Assert.Equal(2, matches.Count);
        Assert.Contains(wanted.Id, matches);
    }

    [Theory]
    [InlineData("source:\"Daily Circuit\"", "Anything at all", "Daily Circuit", true)]
    [InlineData("source:\"daily circuit\" robot", "Robot kitchens", "Daily Circuit", true)]
    [InlineData("source:\"Daily Circuit\"", "Anything at all", "Wire", false)]
    [InlineData("topic:science", "Anything at all", "Wire", true)]
    [InlineData("topic:sports", "Anything at all", "Wire", false)]
    [InlineData("title:robot", "Robot kitchens", "Wire", true)]
    [InlineData("title:kitchen", "Robots everywhere", "Wire", false)]
    [InlineData("solar OR robot", "Robot kitchens", "Wire", true)]
    [InlineData("(solar OR wind) kitchen", "Robot kitchens", "Wire", false)]
    [InlineData("/^kitch/", "Robot kitchens", "Wire", true)]
    [InlineData("robot -/^kitch/", "Robot kitchens", "Wire", false)]
    [InlineData("-topic:science robot", "Robot kitchens", "Wire", false)]
    public void Match_TheSharperLanguage_ReadsAsSearchDoes(string query, string title, string source, bool expected)
    {
        var subscription = Subscribe(SubscriptionKind.Keywords, query);
        var article = Article(title, "in a summary", ["science"]) with { SourceName = source };

        Assert.Equal(expected, Ids(article).Contains(subscription.Id));
    }

    [Fact]
    public void Match_ARuleFiledUnderSeveralKeys_MatchesOnce_AndLeavesThemAllWhenRemoved()
    {
        var either = Subscribe(SubscriptionKind.Keywords, "robot OR kitchen OR topic:science");

        Assert.Equal([either.Id], Ids(Article("Robot kitchens", topics: ["science"])));

        _matcher.Remove([either.Id]);
        Assert.Empty(Ids(Article("Robot kitchens", topics: ["science"])));
        Assert.Equal(0, _matcher.Count);
    }

    [Fact]
    public void Match_APatternAlone_IsTriedOnEveryArticle_AndStillMatchesOnlyItsOwn()
    {
        var pattern = Subscribe(SubscriptionKind.Keywords, "/^glac/");
        var word = Subscribe(SubscriptionKind.Keywords, "glacier");

        Assert.Equal([word.Id, pattern.Id], Ids(Article("Glacier survey")));
        Assert.Empty(Ids(Article("Robot kitchens")));
    }

    [Fact]
    public void Match_AQueryStoredBeforeTheSharperLanguage_KeepsItsMeaning()
    {
        var unbalanced = Subscribe(SubscriptionKind.Keywords, "\"quantum chip");
        var colon = Subscribe(SubscriptionKind.Keywords, "covid:19 (");

        Assert.Equal([unbalanced.Id], Ids(Article("New quantum chip unveiled")));
        Assert.Equal([colon.Id], Ids(Article("Covid 19 cases fall")));
    }

    private Subscription Subscribe(SubscriptionKind kind, string query)
    {
        var subscription = new Subscription(_nextId++, $"telegram:{_nextId}", kind, query, DeliveryMode.Instant, null, "telegram:1", Now);
        _matcher.Add(subscription);
        return subscription;
    }

    private List<int> Ids(Article article) => _matcher.Match(article).Select(s => s.Id).ToList();

    private static Article Article(string title, string summary = "", string[]? topics = null) =>
        new(1, "https://x.example/1", "1:1", title, summary, null, 1, "Wire", Now, Now, topics ?? [], null);
}
