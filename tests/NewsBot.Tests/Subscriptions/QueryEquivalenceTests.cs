using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace NewsBot.Tests.Subscriptions;

/// <summary>
/// The matcher (what a subscription delivers) and the index (what /search and the preview
/// find) read every query the same way: a subscription's matches are exactly what the index
/// finds for the query read strictly, and a search's are the same with its plain words read as
/// "any of them" (or only ranking, beside a phrase).
/// </summary>
public sealed class QueryEquivalenceTests
{
    private static readonly string[] Vocabulary = ["solar", "wind", "robot", "chef", "glacier", "ice", "market", "farm"];
    private static readonly string[] SourceNames = ["Daily Circuit", "Open Lab Notes", "Reuters"];
    private static readonly string[] TopicNames = ["science", "technology", "climate"];
    private static readonly DateTimeOffset Now = TestBot.Now;

    [Property(MaxTest = 300, Arbitrary = [typeof(Cases)])]
    public bool TheMatcher_AndTheIndex_FindTheSameArticles(Case example)
    {
        var text = string.Join(' ', example.Parts.Select(p => p.Text));
        var query = SearchQuery.TryParse(text, out var error) ?? throw new InvalidOperationException($"'{text}' was refused: {error}");
        if (query.IsEmpty)
        {
            return true;
        }

        using var index = new ArticleIndex();
        index.AddRange(example.Articles);
        var names = example.Articles.DistinctBy(a => a.SourceId).ToDictionary(a => a.SourceId, a => a.SourceName);

        var delivered = Delivered(text, example.Articles);
        var previewed = index.Newest(query, DateTimeOffset.MinValue, 1000, names).Ids.Order().ToList();

        // A search needs one of its plain words, unless a phrase is there to need instead.
        var words = example.Parts.Where(p => p.IsWord).Select(p => p.Text).ToList();
        var others = example.Parts.Where(p => !p.IsWord).Select(p => p.Text).ToList();
        var searchRead = query.Phrases.Count > 0 || words.Count == 0
            ? string.Join(' ', others)
            : "(" + string.Join(" OR ", words) + ") " + string.Join(' ', others);
        var searched = index.Search(query, 0, 1000, Now, names).Ids.Order().ToList();
        var expected = SearchQuery.TryParse(searchRead, out _)!.IsEmpty ? example.Articles.Select(a => a.Id).ToList() : Delivered(searchRead, example.Articles);

        Assert.True(delivered.SequenceEqual(previewed), $"'{text}': a subscription delivers {string.Join(',', delivered)}, the index finds {string.Join(',', previewed)}");
        Assert.True(searched.SequenceEqual(expected), $"'{text}' read as '{searchRead}': search finds {string.Join(',', searched)}, expected {string.Join(',', expected)}");
        return true;
    }

    private static List<int> Delivered(string text, IReadOnlyList<Article> articles)
    {
        using var matcher = new SubscriptionMatcher();
        matcher.Add(new Subscription(1, "telegram:1", SubscriptionKind.Keywords, text, DeliveryMode.Instant, null, "telegram:1", Now));
        return articles.Where(a => matcher.Match(a).Count > 0).Select(a => a.Id).Order().ToList();
    }

    public sealed record Part(string Text, bool IsWord);

    public sealed record Case(IReadOnlyList<Article> Articles, IReadOnlyList<Part> Parts)
    {
        public override string ToString() =>
            string.Join(' ', Parts.Select(p => p.Text)) + " over " + string.Join(" | ", Articles.Select(a => $"#{a.Id} {a.Title} / {a.Summary} [{a.SourceName}; {string.Join(',', a.Topics)}]"));
    }

    public static class Cases
    {
        public static Arbitrary<Case> Examples() =>
            (from articles in Gen.Choose(1, 24).SelectMany(n => Gen.ArrayOf(ArticleGen(), n))
             from parts in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(PartGen(), n))
             select new Case(articles.Select((a, i) => a with { Id = i + 1, Url = $"https://x.example/{i + 1}", ItemKey = $"1:{i + 1}" }).ToList(), parts)).ToArbitrary();

        private static Gen<Article> ArticleGen() =>
            from title in Gen.ArrayOf(Gen.Elements(Vocabulary), 3)
            from summary in Gen.ArrayOf(Gen.Elements(Vocabulary), 3)
            from source in Gen.Choose(0, SourceNames.Length - 1)
            from topics in Gen.SubListOf(TopicNames)
            from hours in Gen.Choose(1, 200)
            select new Article(0, "", "", string.Join(' ', title), string.Join(' ', summary), null, source + 1, SourceNames[source], Now.AddHours(-hours), Now, topics.ToList(), null);

        private static Gen<string> Word() => Gen.Elements(Vocabulary);

        private static Gen<string> Simple() => Gen.OneOf(
            Word(),
            from a in Word() from b in Word() select $"\"{a} {b}\"",
            from a in Word() select "title:" + a,
            from a in Word() from b in Word() select $"title:\"{a} {b}\"",
            Gen.Elements("source:\"Daily Circuit\"", "source:reuters", "source:\"Open Lab Notes\"", "source:Nowhere"),
            Gen.Elements("topic:science", "topic:Climate", "topic:sports"),
            Gen.Elements("/^ro/", "/ar$/i", "/i.e/", "title:/ch/", "/^(wind|ice)$/", "/zzz/"));

        private static Gen<Part> PartGen() => Gen.OneOf(
            Word().Select(w => new Part(w, true)),
            Simple().Select(s => new Part(s, Vocabulary.Contains(s))),
            Simple().Select(s => new Part("-" + s, false)),
            from a in Simple() from b in Simple() select new Part($"({a} OR {b})", false),
            from a in Simple() from b in Simple() select new Part($"-({a} {b})", false),
            from a in Simple() from b in Simple() from c in Simple() select new Part($"({a} OR ({b} {c}))", false));
    }
}
