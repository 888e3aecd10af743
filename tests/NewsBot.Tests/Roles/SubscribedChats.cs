using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Roles;

/// <summary>
/// What the process tests of several instances start from: many Telegram chats following one
/// keyword, and one configured feed file that was read an hour ago and is not due, so nothing
/// happens until <see cref="PublishAsync"/> writes new items and makes the source due.
/// </summary>
internal sealed class SubscribedChats(string connectionString, string feedPath, string keyword, int count, long firstChatId)
{
    public int Count => count;

    public async Task SeedAsync(string sourceName)
    {
        var now = DateTimeOffset.UtcNow;
        await File.WriteAllTextAsync(feedPath, Feed(now, items: 0));
        await using var database = new PostgresDatabase(connectionString);
        var sources = new PostgresSourceStore(database);
        var source = await sources.EnsureAsync(sourceName, feedPath, [], fromConfiguration: true, CancellationToken.None);
        await sources.SaveAsync(source with { LastSuccessAt = now.AddHours(-1), LastAttemptAt = now.AddHours(-1), NextPollAt = now.AddHours(1) }, CancellationToken.None);
        var chats = new PostgresChatStore(database);
        var subscriptions = new PostgresSubscriptionStore(database);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellationToken) =>
        {
            var chat = new ChatAddress(NewsBot.Core.Chats.PlatformNames.Telegram, (firstChatId + i).ToString(CultureInfo.InvariantCulture));
            await chats.SaveAsync(new ChatRecord(chat.Key, chat.Platform, ChatKind.Private, null, null, true, null, now, now), cancellationToken);
            await subscriptions.AddAsync(new Subscription(0, chat.Key, SubscriptionKind.Keywords, keyword, DeliveryMode.Instant, null, chat.Key, now), cancellationToken);
        });
    }

    /// <summary>New items about the keyword in the feed, and the source due now: an instance reads it within a polling tick.</summary>
    public async Task PublishAsync(int items)
    {
        await File.WriteAllTextAsync(feedPath, Feed(DateTimeOffset.UtcNow, items));
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var due = new Npgsql.NpgsqlCommand("UPDATE sources SET next_poll_at = now() - interval '1 second'", connection);
        await due.ExecuteNonQueryAsync();
    }

    /// <summary>Whether the push is about the keyword's story.</summary>
    public bool IsTheStory(TelegramRequest push) => push.Text?.Contains(keyword, StringComparison.OrdinalIgnoreCase) == true;

    private string Feed(DateTimeOffset now, int items)
    {
        var entries = string.Concat(Enumerable.Range(1, items).Select(i => $"""
            <item>
              <title>{keyword} glaciologists publish survey part {i}</title>
              <link>https://{keyword}.example/survey-{i}</link>
              <guid>{keyword}-survey-{i}</guid>
              <description>Part {i} of the {keyword} radar survey of the Aldermoor glacier.</description>
              <pubDate>{now.AddMinutes(-10 * i).ToString("R", CultureInfo.InvariantCulture)}</pubDate>
            </item>
            """));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>{keyword} Wire</title><link>https://{keyword}.example/</link><description>Surveys</description>
            {entries}
            </channel></rss>
            """;
    }
}
