namespace NewsBot.Tests.Search;

public sealed class ArticleIndexTests : IDisposable
{
    private static DateTimeOffset Now => TestBot.Now;
    private readonly ArticleIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Latest_ArticlesAddedOutOfOrder_ComeNewestFirst()
    {
        Add(1, "Old", hoursAgo: 30);
        Add(2, "Newest", hoursAgo: 1);
        Add(3, "Middle", hoursAgo: 10);

        var page = _index.Latest(0, 10);

        Assert.Equal([2, 3, 1], page.Ids);
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public void Latest_SecondPage_SkipsTheFirst()
    {
        for (var i = 1; i <= 7; i++)
        {
            Add(i, $"Article {i}", hoursAgo: i);
        }

        Assert.Equal([4, 5, 6], _index.Latest(3, 3).Ids);
        Assert.Empty(_index.Latest(30, 3).Ids);
    }

    [Fact]
    public void LatestInTopic_OnlyThatTopic_NewestFirstAndCaseInsensitive()
    {
        Add(1, "A", hoursAgo: 5, topics: ["technology"]);
        Add(2, "B", hoursAgo: 1, topics: ["science"]);
        Add(3, "C", hoursAgo: 2, topics: ["technology", "science"]);

        Assert.Equal([3, 1], _index.LatestInTopic("Technology", 0, 10).Ids);
        Assert.Equal(0, _index.LatestInTopic("sports", 0, 10).Total);
    }

    [Fact]
    public void Topics_CountsPerTopic_LargestFirst()
    {
        Add(1, "A", topics: ["science"]);
        Add(2, "B", topics: ["technology", "science"]);

        Assert.Equal([new TopicCount("science", 2), new TopicCount("technology", 1)], _index.Topics());
    }

    [Fact]
    public void Search_AccentsAndCase_AreIgnored()
    {
        Add(1, "Café opens in Zürich");

        Assert.Equal([1], Search("cafe ZURICH").Ids);
    }

    [Fact]
    public void Search_MoreMatchedWords_RankHigher()
    {
        Add(1, "Solar farm opens", hoursAgo: 1);
        Add(2, "Solar farm opens near the coast with battery storage", hoursAgo: 20);

        Assert.Equal([2, 1], Search("solar battery").Ids);
    }

    [Fact]
    public void Search_TitleMatch_BeatsSummaryMatch()
    {
        Add(1, "Market report", "Notes on a new telescope", hoursAgo: 1);
        Add(2, "Telescope sees a distant galaxy", "Astronomers report", hoursAgo: 5);

        Assert.Equal([2, 1], Search("telescope").Ids);
    }

    [Fact]
    public void Search_EqualMatches_NewerFirst()
    {
        Add(1, "Robot arm", hoursAgo: 50);
        Add(2, "Robot hand", hoursAgo: 2);

        Assert.Equal([2, 1], Search("robot").Ids);
    }

    [Fact]
    public void Search_Phrase_MustAppearInOrder()
    {
        Add(1, "Power plant closes");
        Add(2, "Plant power rises");

        Assert.Equal([1], Search("\"power plant\"").Ids);
    }

    [Fact]
    public void Search_PhraseDoesNotSpanTitleAndSummary()
    {
        Add(1, "New power", "Plant growth slows");

        Assert.Empty(Search("\"power plant\"").Ids);
    }

    [Fact]
    public void Search_Exclusion_RemovesMatches()
    {
        Add(1, "Solar and wind auction");
        Add(2, "Solar rooftops");

        var page = Search("solar -wind");

        Assert.Equal([2], page.Ids);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public void Search_UnknownWord_FindsNothing()
    {
        Add(1, "Solar rooftops");

        Assert.Equal(0, Search("zeppelin").Total);
        Assert.Equal(0, Search("\"solar zeppelin\"").Total);
    }

    [Fact]
    public void Search_Paging_ReturnsTotalAndTheRequestedSlice()
    {
        for (var i = 1; i <= 12; i++)
        {
            Add(i, $"Robot news {i}", hoursAgo: i);
        }

        var page = _index.Search(SearchQuery.Parse("robot"), 5, 5, Now);

        Assert.Equal(12, page.Total);
        Assert.Equal([6, 7, 8, 9, 10], page.Ids);
    }

    [Fact]
    public void Remove_Article_DisappearsFromEveryList()
    {
        Add(1, "Robot arm", topics: ["technology"]);
        Add(2, "Robot hand", topics: ["technology"]);

        _index.Remove([1]);

        Assert.Equal([2], _index.Latest(0, 10).Ids);
        Assert.Equal([2], _index.LatestInTopic("technology", 0, 10).Ids);
        Assert.Equal([2], Search("robot").Ids);
    }

    [Fact]
    public void Search_QueryAgainstOneArticle_FollowsTheSearchRules()
    {
        Add(1, "Solar and wind auction");

        Assert.Equal([1], Search("solar").Ids);
        Assert.Empty(Search("solar -wind").Ids);
        Assert.Equal([1], Search("\"wind auction\"").Ids);
        Assert.Empty(Search("coal").Ids);
    }

    [Fact]
    public void Search_WordInTitleAndSummary_CountsOnceAsATitleMatch()
    {
        Add(1, "Robot news", "A robot, another robot and a third robot", hoursAgo: 5);
        Add(2, "Robot arm", "Nothing else here", hoursAgo: 1);

        // Both match "robot" in the title; the summary repeats do not add up, so the newer leads.
        Assert.Equal([2, 1], Search("robot").Ids);
    }

    [Fact]
    public void Search_WordInSummaryOnly_IsNotATitleMatch()
    {
        Add(1, "Harbour report", "The robot parade", hoursAgo: 1);
        Add(2, "Robot parade", "Harbour report", hoursAgo: 20);

        Assert.Equal([2, 1], Search("robot").Ids);
        Assert.Equal([1, 2], Search("harbour").Ids);
    }

    [Fact]
    public void Search_ExcludedPhrase_RemovesOnlyArticlesWithThePhraseAsWritten()
    {
        Add(1, "Solar power plant opens");
        Add(2, "Solar plant for power");
        Add(3, "Solar farm");

        var page = Search("solar -\"power plant\"");

        Assert.Equal([2, 3], page.Ids.Order());
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public void Search_PhraseAndWords_RankByPhraseThenWords()
    {
        Add(1, "Power plant closes", "Coal shortage", hoursAgo: 1);
        Add(2, "Coal power plant closes", "", hoursAgo: 3);
        Add(3, "Power cut", "A plant closes", hoursAgo: 1);

        var page = Search("\"power plant\" coal");

        Assert.Equal([2, 1], page.Ids);
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public void Search_StoryWithSeveralReports_CountsOnceAndShowsTheBestMatchingReport()
    {
        Add(1, "Glacier survey published", "Ice loss measured", hoursAgo: 10);
        Add(2, "Aldermoor glacier lost a fifth of its ice", "Radar survey", hoursAgo: 8, storyId: 1);
        Add(3, "Glacier tours resume", "Visitors return", hoursAgo: 2);

        var page = Search("aldermoor glacier survey");

        Assert.Equal([2, 3], page.Ids);
        Assert.Equal(2, page.Total);
        Assert.Equal([3, 1], _index.Latest(0, 10).Ids);
    }

    [Fact]
    public void Remove_StoryLead_TheNextReportLeadsInListsAndSearch()
    {
        Add(1, "Glacier survey published", hoursAgo: 10, topics: ["climate"]);
        Add(2, "Glacier survey results", hoursAgo: 8, storyId: 1, topics: ["climate"]);
        Add(3, "Glacier survey reaction", hoursAgo: 6, storyId: 1, topics: ["climate"]);

        _index.Remove([1]);

        Assert.Equal([2], _index.Latest(0, 10).Ids);
        Assert.Equal([2], _index.LatestInTopic("climate", 0, 10).Ids);
        var page = Search("glacier");
        Assert.Equal(1, page.Total);
        Assert.Contains(page.Ids.Single(), new[] { 2, 3 });
    }

    [Fact]
    public void AddRange_ManyAtOnce_GivesTheSameListsAndResultsAsOneByOne()
    {
        var articles = IndexAnswers.RandomArticles(count: 2_000, seed: 11);
        using var oneByOne = new ArticleIndex();
        foreach (var article in articles)
        {
            oneByOne.Add(article);
        }

        _index.AddRange(articles);

        IndexAnswers.AssertSame(oneByOne, _index);
    }

    [Fact]
    public void AddRange_ManyIntoAnIndexAlreadyFilled_GivesTheSameListsAsOneByOne()
    {
        var articles = IndexAnswers.RandomArticles(count: 2_000, seed: 12);
        using var oneByOne = new ArticleIndex();
        foreach (var article in articles)
        {
            oneByOne.Add(article);
        }

        foreach (var article in articles.Take(600))
        {
            _index.Add(article);
        }

        _index.AddRange(articles.Skip(600));

        IndexAnswers.AssertSame(oneByOne, _index);
    }

    [Fact]
    public void AddRange_MorePostingsThanOneStagedBatch_GivesTheSameListsAndResultsAsOneByOne()
    {
        // About a hundred thousand postings: the staged ones go into their lists in several
        // batches, some into words that already have a bitmap.
        var articles = IndexAnswers.RandomArticles(count: 12_000, seed: 15);
        using var oneByOne = new ArticleIndex();
        foreach (var article in articles)
        {
            oneByOne.Add(article);
        }

        _index.AddRange(articles.Take(1_000));
        _index.AddRange(articles.Skip(1_000));

        IndexAnswers.AssertSame(oneByOne, _index);
    }

    [Fact]
    public void Remove_ManyArticles_CompactsAndAnswersAsAFreshIndexWould()
    {
        // No stories here: a fresh index would not know which report took over a removed lead.
        var articles = IndexAnswers.RandomArticles(count: 3_000, seed: 13, stories: false);
        _index.AddRange(articles);
        var doomed = articles.Where(a => a.Id % 3 != 0).Select(a => a.Id).ToHashSet();

        _index.Remove(doomed);
        var later = IndexAnswers.RandomArticles(count: 200, seed: 14, firstId: 10_000, stories: false);
        foreach (var article in later)
        {
            _index.Add(article);
        }

        using var fresh = new ArticleIndex();
        fresh.AddRange(articles.Where(a => !doomed.Contains(a.Id)).Concat(later));
        IndexAnswers.AssertSame(fresh, _index);
        var listed = _index.Latest(0, _index.Count).Ids;
        Assert.DoesNotContain(articles[0].Id, listed);
        Assert.Contains(articles[2].Id, listed);
    }

    [Fact]
    public void Search_ManyLongArticles_EachKeepsItsWholeTextInOrder()
    {
        // Enough text to fill several of the index's token chunks, articles crossing their ends,
        // and one article longer than a chunk on its own.
        var filler = string.Join(' ', Enumerable.Repeat("lorem ipsum dolor", 333));
        for (var i = 1; i <= 200; i++)
        {
            Add(i, $"Report {i}", $"start{i} {filler} closing words{i} end");
        }

        Add(201, "Long report", string.Join(' ', Enumerable.Repeat("filler", 70_000)) + " closing words201 end");

        for (var i = 1; i <= 201; i++)
        {
            Assert.Equal([i], Search($"\"closing words{i} end\"").Ids);
            Assert.Equal([i], Search($"\"closing words{i}\"").Ids);
        }

        Assert.Equal([7], Search($"\"start7 lorem ipsum\"").Ids);
        Assert.DoesNotContain(7, Search("\"words7 closing\"").Ids);
    }

    private IndexPage Search(string text) => _index.Search(SearchQuery.Parse(text), 0, 10, Now);

    private void Add(int id, string title, string summary = "", int hoursAgo = 1, string[]? topics = null, int storyId = 0) =>
        _index.Add(new Article(
            id, $"https://x.example/{id}", $"1:{id}", title, summary, null, 1, "Wire",
            Now.AddHours(-hoursAgo), Now, topics ?? [], null) { StoryId = storyId });
}
