using LiteDB;
using NewsBot.Core.Subscriptions;

namespace NewsBot.Benchmarks.Fanout;

/// <summary>
/// The design before grouping, as the baseline: one outbox document per (chat, story), found by
/// a unique key looked up before each insert, with three indexes (key, next attempt, chat), in a
/// LiteDB file of its own. It matches every article of the batch as NewsBot does, then writes
/// the documents of the first <c>sampleChats</c> chats only, in one transaction, and scales
/// that time to all chats by their share of documents: writing all of them takes minutes.
/// </summary>
internal static class PerStoryBaseline
{
    public sealed record Result(TimeSpan Matching, TimeSpan SampleWrite, int SampleDocuments, int AllDocuments)
    {
        public TimeSpan Scaled => Matching + (SampleDocuments == 0 ? TimeSpan.Zero : SampleWrite * ((double)AllDocuments / SampleDocuments));
    }

    public static Result Run(string folder, SubscriptionMatcher matcher, ChatLifecycle chats, IReadOnlyList<Article> batch, IReadOnlySet<string> sampleChats, DateTimeOffset now)
    {
        var started = Stopwatch.GetTimestamp();
        var pairs = new List<(string Chat, int Story, int Article)>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in batch)
        {
            foreach (var subscription in matcher.Match(article))
            {
                if (subscription.Mode == DeliveryMode.Instant
                    && chats.Find(ChatAddress.Parse(subscription.ChatKey)) is not { Active: false }
                    && planned.Add(subscription.ChatKey + "|story:" + article.StoryLeadId))
                {
                    pairs.Add((subscription.ChatKey, article.StoryLeadId, article.Id));
                }
            }
        }

        var matching = Stopwatch.GetElapsedTime(started);
        var sample = pairs.Where(p => sampleChats.Contains(p.Chat)).ToList();
        using var database = new LiteDatabase(new ConnectionString
        {
            Filename = Path.Combine(folder, "per-story-baseline.db"),
            Connection = ConnectionType.Direct,
            Collation = new Collation("/IgnoreCase"),
        }) { UtcDate = true };
        var outbox = database.GetCollection<StoryDocument>("outbox");
        outbox.EnsureIndex(o => o.DedupKey, unique: true);
        outbox.EnsureIndex(o => o.NextAttemptAt);
        outbox.EnsureIndex(o => o.ChatKey);

        var at = now.UtcDateTime;
        started = Stopwatch.GetTimestamp();
        database.BeginTrans();
        foreach (var (chat, story, article) in sample)
        {
            var key = chat + "|story:" + story;
            if (outbox.Exists(o => o.DedupKey == key))
            {
                continue;
            }

            outbox.Insert(new StoryDocument
            {
                DedupKey = key,
                ChatKey = chat,
                Platform = PlatformNames.Telegram,
                StoryId = story,
                ArticleId = article,
                State = "Pending",
                NextAttemptAt = at,
                CreatedAt = at,
            });
        }

        database.Commit();
        return new Result(matching, Stopwatch.GetElapsedTime(started), sample.Count, pairs.Count);
    }

    private sealed class StoryDocument
    {
        public long Id { get; set; }

        public string DedupKey { get; set; } = "";

        public string ChatKey { get; set; } = "";

        public string Platform { get; set; } = "";

        public int StoryId { get; set; }

        public int ArticleId { get; set; }

        public string State { get; set; } = "";

        public int Attempts { get; set; }

        public DateTime? NextAttemptAt { get; set; }

        public string? LastError { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime? SentAt { get; set; }
    }
}
