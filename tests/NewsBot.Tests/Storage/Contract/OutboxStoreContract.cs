namespace NewsBot.Tests.Storage.Contract;

public abstract class OutboxStoreContract : StoreContract
{
    private protected OutboxStoreContract(StoreFactory factory)
        : base(factory)
    {
    }

    private static OutboxEntry Stories(string chat, int firstArticle, int[] stories, DateTimeOffset? notBefore = null, DateTimeOffset? created = null) =>
        OutboxEntry.ForStories(chat, OutboxKeys.Stories(chat, firstArticle), stories, stories.Select(s => s + 100).ToArray(), created ?? Now, notBefore ?? created ?? Now);

    private static OutboxEntry Announcement(string chat, int announcement, DateTimeOffset? notBefore = null) =>
        OutboxEntry.ForComposed(chat, OutboxKind.Announcement, OutboxKeys.Announcement(chat, $"a{announcement}"), $"a{announcement}", Now, notBefore);

    [Fact]
    public async Task Enqueue_AddsEachDedupKeyOnce_AcrossCallsAndWithinOne()
    {
        var first = Stories("telegram:1", 10, [10, 11]);

        Assert.Equal(1, await Stores.Outbox.EnqueueAsync([first], None));
        Assert.Equal(1, await Stores.Outbox.EnqueueAsync([first, Stories("telegram:2", 10, [10]), Stories("telegram:2", 10, [12])], None));
        Assert.Equal(0, await Stores.Outbox.EnqueueAsync([first], None));
        Assert.Equal(0, await Stores.Outbox.EnqueueAsync([], None));

        Assert.Equal(2, await Stores.Outbox.CountPendingAsync(None));
        var forTwo = await Stores.Outbox.FindAsync("telegram:2", 10, None);
        Assert.NotNull(forTwo);
        Assert.Null(await Stores.Outbox.FindAsync("telegram:2", 12, None));
    }

    [Fact]
    public async Task Entries_ReadBackEveryField()
    {
        var notice = OutboxEntry.ForNotice("telegram:9", OutboxKeys.AdminNotice("telegram:9", "feed-disabled:3"), "feed-disabled:3", "Feed 3 was disabled.", Now.AddTicks(999));
        await Stores.Outbox.EnqueueAsync([Stories("discord:5", 20, [20, 21, 22], notBefore: Now.AddMinutes(-1)), notice], None);

        var due = await Stores.Outbox.DueAsync("telegram", Now, 10, None);
        var story = await Stores.Outbox.FindAsync("discord:5", 21, None);

        var read = Assert.Single(due);
        Assert.Equal(OutboxKind.AdminNotice, read.Kind);
        Assert.Equal("telegram:9", read.ChatKey);
        Assert.Equal(OutboxKeys.AdminNotice("telegram:9", "feed-disabled:3"), read.DedupKey);
        Assert.Equal("feed-disabled:3", read.Reference);
        Assert.Equal("Feed 3 was disabled.", read.Text);
        Assert.Equal(OutboxState.Pending, read.State);
        Assert.Equal(Now, read.CreatedAt);
        Assert.Equal(Now, read.NextAttemptAt);
        Assert.Empty(read.StoryIds);
        Assert.Null(read.SentAt);
        Assert.Equal(0, read.Attempts);
        Assert.NotNull(story);
        Assert.Equal(OutboxKind.Story, story.Kind);
        Assert.Equal([20, 21, 22], story.StoryIds);
        Assert.Equal([120, 121, 122], story.ArticleIds);
        Assert.Null(story.Text);
        Assert.Null(story.Reference);
        Assert.Equal(Now.AddMinutes(-1), story.NextAttemptAt);
    }

    [Fact]
    public async Task Due_IsOnePlatformsPendingEntriesWhoseTimeHasCome_OldestDueFirst_UpToTheLimit()
    {
        await Stores.Outbox.EnqueueAsync(
        [
            Stories("telegram:1", 1, [1], notBefore: Now.AddMinutes(-1)),
            Stories("telegram:2", 1, [1], notBefore: Now.AddMinutes(-5)),
            Stories("telegram:3", 1, [1], notBefore: Now.AddMinutes(5)),
            Stories("discord:4", 1, [1], notBefore: Now.AddMinutes(-10)),
            Stories("telegram:5", 1, [1], notBefore: Now),
            Stories("telegram:6", 1, [1], notBefore: Now.AddMinutes(-3)),
        ], None);

        var due = await Stores.Outbox.DueAsync("telegram", Now, 10, None);
        var firstTwo = await Stores.Outbox.DueAsync("telegram", Now, 2, None);

        Assert.Equal(["telegram:2", "telegram:6", "telegram:1", "telegram:5"], due.Select(e => e.ChatKey));
        Assert.Equal(["telegram:2", "telegram:6"], firstTwo.Select(e => e.ChatKey));
        Assert.Equal(["discord:4"], (await Stores.Outbox.DueAsync("discord", Now, 10, None)).Select(e => e.ChatKey));
        Assert.Equal(6, await Stores.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Sent_Rescheduled_Dropped_Failed_MoveEntriesOutOfTheQueueOrLater()
    {
        await Stores.Outbox.EnqueueAsync([Stories("telegram:1", 1, [1]), Stories("telegram:2", 1, [1]), Stories("telegram:3", 1, [1]), Stories("telegram:4", 1, [1])], None);
        var ids = (await Stores.Outbox.DueAsync("telegram", Now, 10, None)).ToDictionary(e => e.ChatKey, e => e.Id);

        await Stores.Outbox.MarkSentAsync([ids["telegram:1"]], Now.AddSeconds(1), None);
        await Stores.Outbox.RescheduleAsync([ids["telegram:2"]], Now.AddMinutes(1), "HTTP 502", countAttempt: true, None);
        await Stores.Outbox.RescheduleAsync([ids["telegram:2"]], Now.AddMinutes(2), "flood wait", countAttempt: false, None);
        await Stores.Outbox.DropAsync([ids["telegram:3"]], "article gone", None);
        await Stores.Outbox.FailAsync([ids["telegram:4"]], "too many attempts", None);
        await Stores.Outbox.MarkSentAsync([], Now, None);
        await Stores.ReopenAsync();

        Assert.Empty(await Stores.Outbox.DueAsync("telegram", Now.AddMinutes(1), 10, None));
        var retried = Assert.Single(await Stores.Outbox.DueAsync("telegram", Now.AddMinutes(2), 10, None));
        Assert.Equal(("telegram:2", 1, "flood wait", OutboxState.Pending), (retried.ChatKey, retried.Attempts, retried.LastError, retried.State));
        var sent = (await Stores.Outbox.FindAsync("telegram:1", 1, None))!;
        Assert.Equal((OutboxState.Sent, (DateTimeOffset?)Now.AddSeconds(1), (DateTimeOffset?)null, (string?)null), (sent.State, sent.SentAt, sent.NextAttemptAt, sent.LastError));
        var dropped = (await Stores.Outbox.FindAsync("telegram:3", 1, None))!;
        Assert.Equal((OutboxState.Dropped, "article gone", (DateTimeOffset?)null), (dropped.State, dropped.LastError, dropped.NextAttemptAt));
        Assert.Equal(OutboxState.Failed, (await Stores.Outbox.FindAsync("telegram:4", 1, None))!.State);
        Assert.Equal(1, await Stores.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task DropPending_BlocksOnlyThatChatsPendingEntries()
    {
        await Stores.Outbox.EnqueueAsync([Stories("telegram:1", 1, [1]), Stories("telegram:1", 2, [2]), Stories("telegram:1", 3, [3]), Stories("telegram:10", 1, [1])], None);
        var sent = (await Stores.Outbox.FindAsync("telegram:1", 3, None))!;
        await Stores.Outbox.MarkSentAsync([sent.Id], Now, None);

        Assert.Equal(2, await Stores.Outbox.DropPendingAsync("telegram:1", "blocked by the user", None));

        Assert.Equal(OutboxState.Blocked, (await Stores.Outbox.FindAsync("telegram:1", 1, None))!.State);
        Assert.Equal("blocked by the user", (await Stores.Outbox.FindAsync("telegram:1", 2, None))!.LastError);
        Assert.Equal(OutboxState.Sent, (await Stores.Outbox.FindAsync("telegram:1", 3, None))!.State);
        Assert.Equal(OutboxState.Pending, (await Stores.Outbox.FindAsync("telegram:10", 1, None))!.State);
        Assert.Equal(0, await Stores.Outbox.DropPendingAsync("telegram:1", "again", None));
    }

    [Fact]
    public async Task DropPending_OfAForumTopic_LeavesItsGroupAndItsOtherTopics()
    {
        await Stores.Outbox.EnqueueAsync([Stories("telegram:-100123:45", 1, [1]), Stories("telegram:-100123:46", 1, [1]), Stories("telegram:-100123", 1, [1])], None);

        Assert.Equal(1, await Stores.Outbox.DropPendingAsync("telegram:-100123:45", "the forum topic is closed", None));
        Assert.Equal(1, await Stores.Outbox.DropPendingAsync("telegram:-100123", "the bot left the chat", None));

        Assert.Equal(OutboxState.Blocked, (await Stores.Outbox.FindAsync("telegram:-100123:45", 1, None))!.State);
        Assert.Equal(OutboxState.Pending, (await Stores.Outbox.FindAsync("telegram:-100123:46", 1, None))!.State);
        Assert.Equal(["telegram:-100123:46"], (await Stores.Outbox.DueAsync("telegram", Now, 10, None)).Select(e => e.ChatKey));
    }

    [Fact]
    public async Task Find_IsTheFirstStoryEntryOfThatChatCarryingTheStory()
    {
        await Stores.Outbox.EnqueueAsync([Stories("telegram:1", 5, [5, 6]), Stories("telegram:1", 7, [6, 7]), Announcement("telegram:1", 6)], None);

        var found = (await Stores.Outbox.FindAsync("telegram:1", 6, None))!;

        Assert.Equal(OutboxKeys.Stories("telegram:1", 5), found.DedupKey);
        Assert.Equal(OutboxKeys.Stories("telegram:1", 7), (await Stores.Outbox.FindAsync("telegram:1", 7, None))!.DedupKey);
        Assert.Null(await Stores.Outbox.FindAsync("telegram:2", 6, None));
        Assert.Null(await Stores.Outbox.FindAsync("telegram:1", 8, None));
    }

    [Fact]
    public async Task CountFor_CountsOneKindAndReferenceByOutcome()
    {
        await Stores.Outbox.EnqueueAsync([Announcement("telegram:1", 1), Announcement("telegram:2", 1), Announcement("telegram:3", 1), Announcement("telegram:4", 1), Announcement("telegram:5", 1), Announcement("telegram:1", 2)], None);
        var ids = (await Stores.Outbox.DueAsync("telegram", Now, 10, None)).Where(e => e.Reference == "a1").ToDictionary(e => e.ChatKey, e => e.Id);
        await Stores.Outbox.MarkSentAsync([ids["telegram:1"], ids["telegram:2"]], Now, None);
        await Stores.Outbox.FailAsync([ids["telegram:3"]], "refused", None);
        await Stores.Outbox.DropPendingAsync("telegram:4", "blocked", None);

        Assert.Equal(new OutboxCounts(1, 2, 1, 1), await Stores.Outbox.CountForAsync(OutboxKind.Announcement, "a1", None));
        Assert.Equal(new OutboxCounts(1, 0, 0, 0), await Stores.Outbox.CountForAsync(OutboxKind.Announcement, "a2", None));
        Assert.Equal(new OutboxCounts(0, 0, 0, 0), await Stores.Outbox.CountForAsync(OutboxKind.Digest, "a1", None));
    }

    [Fact]
    public async Task EnqueuePlanned_MovesThePlannersPositionWithTheEntries_AndSurvivesAReopen()
    {
        Assert.Equal(0, await Stores.Outbox.PlannedThroughAsync(None));

        Assert.Equal(2, await Stores.Outbox.EnqueuePlannedAsync([Stories("telegram:1", 3, [3]), Stories("telegram:2", 3, [3])], 3, None));
        Assert.Equal(0, await Stores.Outbox.EnqueuePlannedAsync([], 5, None));
        await Stores.ReopenAsync();

        Assert.Equal(5, await Stores.Outbox.PlannedThroughAsync(None));
        Assert.Equal(2, await Stores.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task EnqueuePlanned_WithAKeyAlreadyThere_WritesNothing_AndLeavesThePositionWhereItWas()
    {
        await Stores.Outbox.EnqueuePlannedAsync([Stories("telegram:1", 3, [3])], 3, None);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await Stores.Outbox.EnqueuePlannedAsync([Stories("telegram:2", 4, [4]), Stories("telegram:1", 3, [4])], 4, None));

        Assert.Equal(3, await Stores.Outbox.PlannedThroughAsync(None));
        Assert.Null(await Stores.Outbox.FindAsync("telegram:2", 4, None));
        Assert.Equal(1, await Stores.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task StoriesQueuedSince_AreTheStoryEntriesFromThatTimeOn()
    {
        await Stores.Outbox.EnqueueAsync(
        [
            Stories("telegram:1", 1, [1, 2], created: Now.AddHours(-3)),
            Stories("telegram:1", 3, [3], created: Now.AddHours(-1)),
            Stories("telegram:2", 3, [3, 4], created: Now),
            Announcement("telegram:2", 1),
        ], None);
        var sent = (await Stores.Outbox.FindAsync("telegram:1", 3, None))!;
        await Stores.Outbox.MarkSentAsync([sent.Id], Now, None);

        var queued = await Stores.Outbox.StoriesQueuedSinceAsync(Now.AddHours(-1), None).ToListAsync();

        Assert.Equal(2, queued.Count);
        Assert.Equal(("telegram:1", Now.AddHours(-1)), (queued[0].ChatKey, queued[0].CreatedAt));
        Assert.Equal([3], queued[0].StoryIds);
        Assert.Equal(("telegram:2", Now), (queued[1].ChatKey, queued[1].CreatedAt));
        Assert.Equal([3, 4], queued[1].StoryIds);
    }

    [Fact]
    public async Task DeleteFinishedBefore_RemovesOnlyOldFinishedEntries()
    {
        await Stores.Outbox.EnqueueAsync(
        [
            Stories("telegram:1", 1, [1], created: Now.AddDays(-10)),
            Stories("telegram:2", 1, [1], created: Now.AddDays(-10)),
            Stories("telegram:3", 1, [1], created: Now.AddDays(-1)),
        ], None);
        var old = (await Stores.Outbox.FindAsync("telegram:1", 1, None))!;
        var recent = (await Stores.Outbox.FindAsync("telegram:3", 1, None))!;
        await Stores.Outbox.MarkSentAsync([old.Id, recent.Id], Now, None);

        Assert.Equal(1, await Stores.Outbox.DeleteFinishedBeforeAsync(Now.AddDays(-7), None));

        Assert.Null(await Stores.Outbox.FindAsync("telegram:1", 1, None));
        Assert.NotNull(await Stores.Outbox.FindAsync("telegram:2", 1, None));
        Assert.NotNull(await Stores.Outbox.FindAsync("telegram:3", 1, None));
        Assert.Equal(0, await Stores.Outbox.DeleteFinishedBeforeAsync(Now.AddDays(-7), None));
    }

    [Fact]
    public async Task ManyEntriesAtOnce_AreAllQueued_InTheOrderGiven()
    {
        var entries = Enumerable.Range(1, 2500).Select(i => Announcement($"telegram:{i}", 1)).ToList();

        Assert.Equal(2500, await Stores.Outbox.EnqueueAsync(entries, None));
        Assert.Equal(2500, await Stores.Outbox.EnqueueAsync(entries.Select(e => e with { DedupKey = e.DedupKey + "#again" }).ToList(), None));
        Assert.Equal(0, await Stores.Outbox.EnqueueAsync(entries, None));

        var due = await Stores.Outbox.DueAsync("telegram", Now, 3, None);
        Assert.Equal(["telegram:1", "telegram:2", "telegram:3"], due.Select(e => e.ChatKey));
        Assert.Equal(5000, await Stores.Outbox.CountPendingAsync(None));
    }
}

public sealed class LiteDbOutboxStoreTests() : OutboxStoreContract(new LiteDbStores());

public sealed class PostgresOutboxStoreTests(PostgresDatabaseFixture database) : OutboxStoreContract(database.Stores), IClassFixture<PostgresDatabaseFixture>;
