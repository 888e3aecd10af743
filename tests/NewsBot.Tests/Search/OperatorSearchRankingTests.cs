namespace NewsBot.Tests.Search;

/// <summary>
/// Searches with the sharper parts (<c>OR</c>, <c>title:</c>, <c>source:</c>, <c>topic:</c>,
/// exclusions of groups, patterns) over thousands of articles, checked against the rules
/// computed directly from each article: with plain words, any of them must match, every other
/// part must hold, and the words rank; with none, the parts say what matches and the words they
/// ask for rank. Every word counts by its rarity (twice in a title), newer wins ties, then the
/// earlier indexed; a story of several reports counts once and stands as its best-matching report.
/// </summary>
public sealed class OperatorSearchRankingTests
{
    private static readonly string[] Topics = ["world", "science", "climate", "sport"];

    private static readonly Dictionary<int, string> SourceNames = new()
    {
        [1] = "Wire",
        [2] = "Daily Circuit",
        [3] = "Morning Post",
    };

    private static readonly double[] Weights = Cumulative(200);

    private static DateTimeOffset Now => TestBot.Now;

    [Fact]
    public void Search_RandomQueriesWithOperators_RankAndCountByTheRules()
    {
        var random = new Random(47);
        var articles = Articles(random, count: 3_000);
        using var index = new ArticleIndex();
        index.AddRange(articles);
        var model = new Model(articles);

        for (var i = 0; i < 300; i++)
        {
            var text = Query(random);
            var query = SearchQuery.TryParse(text, out var error);
            Assert.True(query is not null, $"'{text}': {error}");
            foreach (var (skip, take) in new[] { (0, 5), (0, 10), (12, 10), (60, 20) })
            {
                var expected = model.Search(query, skip, take);
                var actual = index.Search(query, skip, take, Now, SourceNames);
                Assert.True(
                    expected.Total == actual.Total && expected.Ids.SequenceEqual(actual.Ids),
                    $"'{text}' skip {skip} take {take}: expected {expected.Total} [{string.Join(", ", expected.Ids)}], got {actual.Total} [{string.Join(", ", actual.Ids)}]");
            }
        }
    }

    private static string Query(Random random)
    {
        var (a, b, c) = (Word(random), Word(random), Word(random));
        var topic = Topics[random.Next(Topics.Length)];
        var source = SourceNames[1 + random.Next(SourceNames.Count)];
        return random.Next(12) switch
        {
            0 => $"{a} OR {b}",
            1 => $"title:{a} {b}",
            2 => $"({a} OR {b}) -{c}",
            3 => $"source:\"{source}\" {a}",
            4 => $"{a} topic:{topic} -topic:world",
            5 => $"{a} /^{b[..Math.Min(3, b.Length)]}/",
            6 => $"{a} {b} -source:\"{source}\"",
            7 => $"topic:{topic} {a} OR {b}",
            8 => $"{a} OR topic:{topic}",
            9 => $"title:{a} OR title:{b} -{c}",
            10 => $"{a} {b} (topic:{topic} OR source:\"{source}\") -({c} OR topic:sport)",
            _ => $"topic:{topic} -source:\"{source}\"",
        };
    }

    // Word k is drawn with weight 1/(k+1): the first few are in most articles, the last in few.
    private static string Word(Random random)
    {
        var target = random.NextDouble() * Weights[^1];
        var k = Array.BinarySearch(Weights, target);
        return "w" + (k >= 0 ? k : ~k);
    }

    private static double[] Cumulative(int words)
    {
        var sum = 0.0;
        return [.. Enumerable.Range(0, words).Select(k => sum += 1.0 / (k + 1))];
    }

    private static List<Article> Articles(Random random, int count)
    {
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));
        var articles = new List<Article>(count);
        for (var i = 0; i < count; i++)
        {
            var id = i + 1;
            var storyId = i > 10 && random.Next(6) == 0 ? articles[random.Next(i)].Id : 0;
            var sourceId = 1 + random.Next(SourceNames.Count);
            var topics = Topics.Where(_ => random.Next(3) == 0).ToList();

            // Minutes, so several articles share a publication time and the tie-breaks are used.
            var published = Now.AddMinutes(-random.Next(60 * 24 * 10));
            articles.Add(new Article(
                id, $"https://x.example/{id}", $"1:{id}", Text(random.Next(3, 9)), Text(random.Next(0, 25)), null, sourceId, SourceNames[sourceId],
                published, Now, topics, null) { StoryId = storyId });
        }

        return articles;
    }

    /// <summary>The rules, computed from the articles themselves, in the order they were indexed.</summary>
    private sealed class Model
    {
        private readonly List<Entry> _entries = [];

        public Model(IReadOnlyList<Article> articles)
        {
            var leads = new Dictionary<int, int>();
            foreach (var article in articles)
            {
                // A later report joins a story only when the article it names leads one.
                var lead = article.StoryId != 0 && article.StoryId != article.Id
                    && leads.TryGetValue(article.StoryId, out var named) && named == article.StoryId
                    ? article.StoryId
                    : article.Id;
                leads[article.Id] = lead;
                _entries.Add(new Entry(article.Id, lead, _entries.Count, article.PublishedAt.UtcTicks, ArticleTerms.Of(article)));
            }
        }

        public IndexPage Search(SearchQuery query, int skip, int take)
        {
            var live = _entries.Count;
            var asked = query.Words.Count > 0 ? query.Words : query.Filters.SelectMany(f => f.RankingWords()).Distinct(StringComparer.Ordinal).ToList();
            var words = asked.Select(w => (Word: w, Count: _entries.Count(e => e.Terms.Words.Contains(w)))).Where(w => w.Count > 0).ToList();
            if (query.Words.Count > 0 && words.Count == 0)
            {
                return new IndexPage([], 0);
            }

            var idf = words.Select(w => Math.Log(1.0 + (live / (double)Math.Max(1, w.Count)))).ToList();
            var best = new Dictionary<int, (Entry Entry, double Score)>();
            foreach (var entry in _entries)
            {
                var terms = entry.Terms;
                if ((query.Words.Count > 0 && !words.Any(w => terms.Words.Contains(w.Word)))
                    || query.ExcludedWords.Any(terms.Words.Contains)
                    || query.ExcludedPhrases.Any(p => terms.ContainsPhrase(p, titleOnly: false))
                    || !query.Filters.All(f => f.Matches(terms)))
                {
                    continue;
                }

                var score = 0.0;
                for (var w = 0; w < words.Count; w++)
                {
                    if (terms.TitleWords.Contains(words[w].Word))
                    {
                        score += idf[w] * 2.0;
                    }
                    else if (terms.Words.Contains(words[w].Word))
                    {
                        score += idf[w];
                    }
                }

                // A story stands as its best-matching report; on a tie, the one indexed first.
                if (!best.TryGetValue(entry.Lead, out var kept) || score > kept.Score)
                {
                    best[entry.Lead] = (entry, score);
                }
            }

            var ranked = best.Values
                .Select(b => (b.Entry, Rank: b.Score + (2.0 * Math.Pow(0.5, Math.Max(0, (Now.UtcTicks - b.Entry.Ticks) / (double)TimeSpan.TicksPerHour) / 48.0))))
                .OrderByDescending(r => r.Rank)
                .ThenByDescending(r => r.Entry.Ticks)
                .ThenBy(r => r.Entry.Order)
                .Skip(skip)
                .Take(take)
                .Select(r => r.Entry.Id)
                .ToList();
            return new IndexPage(ranked, best.Count);
        }

        private sealed record Entry(int Id, int Lead, int Order, long Ticks, ArticleTerms Terms);
    }
}
