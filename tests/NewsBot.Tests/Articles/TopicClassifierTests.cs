namespace NewsBot.Tests.Articles;

public sealed class TopicClassifierTests
{
    private readonly TopicClassifier _classifier = new(Options.Create(new NewsBotOptions
    {
        Topics = new(StringComparer.OrdinalIgnoreCase)
        {
            ["technology"] = ["software", "chip", "artificial intelligence"],
            ["climate"] = ["emissions", "drought", "glacier"],
        },
    }));

    [Fact]
    public void Classify_KeywordInTitle_AddsTheTopic()
    {
        Assert.Equal(["technology"], _classifier.Classify("New chips for phones", "", [], []));
    }

    [Fact]
    public void Classify_MultiWordKeyword_MatchesAsAPhrase()
    {
        Assert.Equal(["technology"], _classifier.Classify("Artificial Intelligence rules", "", [], []));
        Assert.Empty(_classifier.Classify("Intelligence that is artificial", "", [], []));
    }

    [Fact]
    public void Classify_OneKeywordInSummary_IsNotEnough_TwoAre()
    {
        Assert.Empty(_classifier.Classify("A report", "It mentions a drought.", [], []));
        Assert.Equal(["climate"], _classifier.Classify("A report", "A drought and a shrinking glacier.", [], []));
    }

    [Fact]
    public void Classify_FeedCategoryNamingTopicOrKeyword_AddsTheTopic()
    {
        Assert.Equal(["climate"], _classifier.Classify("A report", "", ["Climate"], []));
        Assert.Equal(["technology"], _classifier.Classify("A report", "", ["Software"], []));
    }

    [Fact]
    public void Classify_SourceTopics_AreAlwaysIncludedOnce()
    {
        Assert.Equal(["technology"], _classifier.Classify("Chip news", "", [], ["Technology"]));
    }
}
