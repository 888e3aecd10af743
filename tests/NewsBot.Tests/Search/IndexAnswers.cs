namespace NewsBot.Tests.Search;

/// <summary>Random articles over a small vocabulary, and the check that two indexes answer every kind of question alike.</summary>
internal static class IndexAnswers
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static void AssertSame(ArticleIndex expected, ArticleIndex actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Latest(0, 50).Ids, actual.Latest(0, 50).Ids);
        Assert.Equal(expected.Latest(700, 30), actual.Latest(700, 30), PageComparer);
        Assert.Equal(expected.Topics(), actual.Topics());
        foreach (var topic in Topics)
        {
            Assert.Equal(expected.LatestInTopic(topic, 0, 1_000_000), actual.LatestInTopic(topic, 0, 1_000_000), PageComparer);
        }

        foreach (var text in new[] { "robot", "solar battery", "harbour -robot", "\"power plant\"", "glacier survey council", "zeppelin" })
        {
            var query = SearchQuery.Parse(text);
            Assert.Equal(expected.Search(query, 0, 10, Now), actual.Search(query, 0, 10, Now), PageComparer);
            Assert.Equal(expected.Search(query, 10, 10, Now), actual.Search(query, 10, 10, Now), PageComparer);
        }
    }

    public static readonly string[] Topics = ["technology", "science", "climate"];

    private static readonly string[] Words =
        ["robot", "solar", "battery", "harbour", "power", "plant", "glacier", "survey", "council", "budget", "city", "storm", "the", "a", "of"];

    private static readonly IEqualityComparer<IndexPage> PageComparer = EqualityComparer<IndexPage>.Create(
        (a, b) => a!.Total == b!.Total && a.Ids.SequenceEqual(b.Ids),
        page => page.Total);

    public static List<Article> RandomArticles(int count, int seed, int firstId = 1, bool stories = true)
    {
        var random = new Random(seed);
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
        var articles = new List<Article>(count);
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            var topics = Topics.Where(_ => random.Next(3) == 0).ToArray();
            var storyId = stories && i > 10 && random.Next(8) == 0 ? articles[random.Next(i)].Id : 0;
            articles.Add(new Article(
                id, $"https://x.example/{id}", $"1:{id}", Text(random.Next(2, 8)), Text(random.Next(0, 20)), null, 1 + random.Next(3), "Wire",
                Now.AddMinutes(-random.Next(60 * 24 * 20)), Now, topics, null) { StoryId = storyId });
        }

        return articles;
    }
}
