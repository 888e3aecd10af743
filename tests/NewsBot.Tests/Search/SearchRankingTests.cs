using NewsBot.Core.Text;

namespace NewsBot.Tests.Search;

/// <summary>
/// Search over thousands of articles, where common words are in most of them, checked against
/// the ranking rules computed directly from the articles: every word counts by its rarity (twice
/// in a title), newer wins ties, then the earlier indexed; a story of several reports counts once
/// and stands as its best-matching report; exclusions remove.
/// </summary>
public sealed class SearchRankingTests
{
    private static DateTimeOffset Now => TestBot.Now;

    [Fact]
    public void Search_ManyArticlesWithCommonWords_RanksAndCountsByTheRules()
    {
        var random = new Random(31);
        var articles = Articles(random, count: 4_000, firstId: 1, stories: true);
        using var index = new ArticleIndex();
        index.AddRange(articles);
        var model = new Model(articles);

        AssertSearchesFollowTheRules(index, model, random, queries: 400);
    }

    [Fact]
    public void Search_AfterArticlesArriveOneByOneAndOthersAreRemoved_StillRanksByTheRules()
    {
        var random = new Random(32);
        var first = Articles(random, count: 1_500, firstId: 1, stories: false);
        using var index = new ArticleIndex();
        index.AddRange(first);

        // One at a time, as feeds deliver them: words become common enough for a bitmap along the way.
        var later = Articles(random, count: 3_500, firstId: 10_000, stories: false);
        foreach (var article in later)
        {
            index.Add(article);
        }

        var all = first.Concat(later).ToList();
        AssertSearchesFollowTheRules(index, new Model(all), random, queries: 150);

        var removed = all.Where(_ => random.Next(3) != 0).Select(a => a.Id).ToHashSet();
        index.Remove(removed);
        index.Compact();
        var kept = all.Where(a => !removed.Contains(a.Id)).ToList();
        AssertSearchesFollowTheRules(index, new Model(kept), random, queries: 150);

        var more = Articles(random, count: 1_000, firstId: 50_000, stories: false);
        index.AddRange(more);
        AssertSearchesFollowTheRules(index, new Model(kept.Concat(more).ToList()), random, queries: 150);
    }

    private static void AssertSearchesFollowTheRules(ArticleIndex index, Model model, Random random, int queries)
    {
        for (var i = 0; i < queries; i++)
        {
            var text = Query(random);
            var query = SearchQuery.Parse(text);
            foreach (var (skip, take) in new[] { (0, 5), (0, 10), (7, 10), (60, 20) })
            {
                var expected = model.Search(query, skip, take);
                var actual = index.Search(query, skip, take, Now);
                Assert.True(
                    expected.Total == actual.Total && expected.Ids.SequenceEqual(actual.Ids),
                    $"'{text}' skip {skip} take {take}: expected {expected.Total} [{string.Join(", ", expected.Ids)}], got {actual.Total} [{string.Join(", ", actual.Ids)}]");
            }
        }
    }

    private static string Query(Random random)
    {
        var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Word(random)).ToList();
        if (random.Next(4) == 0)
        {
            words.Add("-" + Word(random));
        }

        return string.Join(' ', words);
    }

    // Word k is drawn with weight 1/(k+1): the first few are in most articles, the last in few.
    private static string Word(Random random)
    {
        var target = random.NextDouble() * Weights[^1];
        var k = Array.BinarySearch(Weights, target);
        return "w" + (k >= 0 ? k : ~k);
    }

    private static readonly double[] Weights = Cumulative(300);

    private static double[] Cumulative(int words)
    {
        var sum = 0.0;
        return [.. Enumerable.Range(0, words).Select(k => sum += 1.0 / (k + 1))];
    }

    private static List<Article> Articles(Random random, int count, int firstId, bool stories)
    {
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));
        var articles = new List<Article>(count);
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            var storyId = stories && i > 10 && random.Next(6) == 0 ? articles[random.Next(i)].Id : 0;

            // Minutes, so several articles share a publication time and the tie-breaks are used.
            var published = Now.AddMinutes(-random.Next(60 * 24 * 10));
            articles.Add(new Article(
                id, $"https://x.example/{id}", $"1:{id}", Text(random.Next(3, 9)), Text(random.Next(0, 25)), null, 1 + random.Next(3), "Wire",
                published, Now, [], null) { StoryId = storyId });
        }

        return articles;
    }

    /// <summary>The rules, computed from the articles themselves, in the order they were indexed.</summary>
    private sealed class Model(IReadOnlyList<Article> articles)
    {
        private readonly RankingRules<(HashSet<string> Title, HashSet<string> All)> _rules = new(
            articles,
            article =>
            {
                var title = TextTokenizer.Tokenize(article.Title).ToHashSet();
                return (title, title.Concat(TextTokenizer.Tokenize(article.Summary)).ToHashSet());
            },
            (terms, word) => terms.Title.Contains(word),
            (terms, word) => terms.All.Contains(word));

        public IndexPage Search(SearchQuery query, int skip, int take) =>
            _rules.Search(query.Words, wordsRequired: true, terms => !query.ExcludedWords.Any(terms.All.Contains), skip, take);
    }
}
