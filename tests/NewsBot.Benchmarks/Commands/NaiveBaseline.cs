using System.Linq.Expressions;
using System.Reflection;
using LiteDB;

namespace NewsBot.Benchmarks.Commands;

/// <summary>A naive answer: the article ids shown, and the total the page counts from (-1 when not counted).</summary>
internal sealed record NaiveAnswer(IReadOnlyList<int> Ids, int Total);

/// <summary>
/// The same answers as the commands, computed the way one would write them straight on LiteDB
/// without the in-memory index: newest-first queries on the PublishedAt index, a multikey Topics
/// index for topics, Contains scans for search, the UserKey index for bookmarks, FindById to read.
/// Each returns full documents, as a handler would need them to render its answer.
/// </summary>
internal sealed class NaiveBaseline(NewsBotDatabase database, int pageSize)
{
    private const string TopicIndexName = "Topics";

    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    private readonly ILiteCollection<ArticleDocument> _articles = database.Articles;
    private readonly ILiteCollection<BookmarkDocument> _bookmarks = database.Bookmarks;

    /// <summary>Adds the multikey index on <c>$.Topics[*]</c> that only the naive /topic uses; returns how long it took.</summary>
    public TimeSpan CreateTopicIndex()
    {
        var started = Stopwatch.GetTimestamp();
        _articles.EnsureIndex(TopicIndexName, "$.Topics[*]");
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Adds the index on the exact publication time that the naive newest-first queries walk:
    /// NewsBot's file indexes only the day of publication, for retention.
    /// </summary>
    public void CreateDateIndex() => _articles.EnsureIndex(a => a.PublishedAt);

    /// <summary>Drops the indexes only the naive baseline uses; true when both were there.</summary>
    public bool DropIndexes() => _articles.DropIndex(TopicIndexName) & _articles.DropIndex(nameof(ArticleDocument.PublishedAt));

    /// <summary>How LiteDB runs the naive /topic query: which index, and how.</summary>
    public string TopicPlan(string topic) => Describe(_articles.Query()
        .Where(a => a.Topics.Contains(topic))
        .OrderByDescending(a => a.PublishedAt)
        .Limit(pageSize)
        .GetPlan());

    /// <summary>How LiteDB runs the naive search count.</summary>
    public string SearchPlan(IReadOnlyList<string> words) => Describe(_articles.Query().Where(AnyWord(words)).GetPlan());

    public NaiveAnswer Answer(CommandInput input) => input.Kind switch
    {
        CommandKind.Latest => Latest(input.Page),
        CommandKind.Topic => Topic(input.Topic, input.Page),
        CommandKind.Search => Search(input.Words),

        // A scan for the same words stands in: LiteDB has nothing nearer to fields, OR and patterns.
        CommandKind.SearchOperators => Search(input.Words),
        CommandKind.Bookmarks => Bookmarks(input.UserKey, input.Page),
        CommandKind.Read => Read(input.ArticleId),
        _ => throw new ArgumentOutOfRangeException(nameof(input)),
    };

    private NaiveAnswer Latest(int page)
    {
        var documents = _articles.Query()
            .OrderByDescending(a => a.PublishedAt)
            .Skip((page - 1) * pageSize)
            .Limit(pageSize)
            .ToList();
        return new NaiveAnswer(documents.ConvertAll(a => a.Id), -1);
    }

    private NaiveAnswer Topic(string topic, int page)
    {
        // List<string>.Contains becomes "$.Topics[*] ANY = @0", which seeks the multikey index.
        var total = _articles.Count(a => a.Topics.Contains(topic));
        var shown = Math.Min(page, PageCount(total));
        var documents = _articles.Query()
            .Where(a => a.Topics.Contains(topic))
            .OrderByDescending(a => a.PublishedAt)
            .Skip((shown - 1) * pageSize)
            .Limit(pageSize)
            .ToList();
        return new NaiveAnswer(documents.ConvertAll(a => a.Id), total);
    }

    private NaiveAnswer Search(IReadOnlyList<string> words)
    {
        // Any word in the title or the summary; the case-insensitive collation makes Contains ignore case.
        var matches = AnyWord(words);
        var total = _articles.Count(matches);
        var documents = _articles.Query()
            .Where(matches)
            .OrderByDescending(a => a.PublishedAt)
            .Limit(pageSize)
            .ToList();
        return new NaiveAnswer(documents.ConvertAll(a => a.Id), total);
    }

    private NaiveAnswer Bookmarks(string userKey, int page)
    {
        var total = _bookmarks.Count(b => b.UserKey == userKey);
        var shown = Math.Min(page, PageCount(total));
        var documents = _bookmarks.Query()
            .Where(b => b.UserKey == userKey)
            .OrderByDescending(b => b.SavedAt)
            .Skip((shown - 1) * pageSize)
            .Limit(pageSize)
            .ToList();
        return new NaiveAnswer(documents.ConvertAll(b => b.ArticleId), total);
    }

    private NaiveAnswer Read(int id)
    {
        var document = _articles.FindById(id);
        return new NaiveAnswer(document is null ? [] : [document.Id], document is null ? 0 : 1);
    }

    private static string Describe(BsonDocument plan) =>
        plan.TryGetValue("index", out var index) && index.IsDocument && index.AsDocument.TryGetValue("mode", out var mode)
            ? mode.AsString
            : plan.ToString();

    private int PageCount(int total) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary><c>a => a.Title.Contains(w1) || a.Summary.Contains(w1) || a.Title.Contains(w2) || …</c></summary>
    private static Expression<Func<ArticleDocument, bool>> AnyWord(IReadOnlyList<string> words)
    {
        var article = Expression.Parameter(typeof(ArticleDocument), "a");
        Expression? body = null;
        foreach (var word in words)
        {
            var value = Expression.Constant(word);
            var clause = Expression.OrElse(
                Expression.Call(Expression.Property(article, nameof(ArticleDocument.Title)), StringContains, value),
                Expression.Call(Expression.Property(article, nameof(ArticleDocument.Summary)), StringContains, value));
            body = body is null ? clause : Expression.OrElse(body, clause);
        }

        return Expression.Lambda<Func<ArticleDocument, bool>>(body ?? Expression.Constant(false), article);
    }
}
