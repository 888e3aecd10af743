namespace NewsBot.Core.Delivery;

/// <summary>
/// Turns newly stored articles into outbox entries: for every active chat with an instant
/// subscription they match, one entry per planned batch carrying that chat's new stories, so a
/// burst is one message and a fan-out to many chats is one document each. A chat gets each
/// story at most once, also when a later report of it arrives from another source: the stories
/// queued per chat are kept in memory (<see cref="QueuedStories"/>), rebuilt from the outbox at
/// start. The planner's position (the last article planned) moves in the same transaction as
/// the last entries of a batch are written; articles stored after it, say before a crash, are planned the next
/// time (<see cref="CatchUpAsync"/> at start). Backlog items (a new source's first read, old items)
/// are never pushed; daily subscriptions are collected by the digest instead. Instant pushes
/// to a chat in its quiet hours wait for the window's end. Planning is a role: only the instance
/// that holds it plans (the others' articles reach it by <see cref="CatchUpAsync"/>), its writes
/// carry the role's fencing number, and a new tenure reads the queued stories and the position
/// again, since another instance may have moved them meanwhile.
/// </summary>
public sealed class DeliveryPlanner(
    SubscriptionMatcher matcher,
    IOutboxStore outbox,
    IArticleStore articles,
    ChatLifecycle chats,
    RoleKeeper roles,
    RoleContext context,
    TimeProvider time,
    ILogger<DeliveryPlanner> logger) : INewArticlesObserver, IDisposable
{
    // Ids read per query when catching up with articles stored but not yet planned.
    private const int CatchUpChunk = 1000;

    // One plan at a time: the queued stories and the position are read and moved together.
    private readonly SemaphoreSlim _lock = new(1, 1);
    private QueuedStories? _queued;
    private int _plannedThrough;

    // The tenure of the planning role that the queued stories and the position were read in.
    private long _tenure = -1;

    /// <summary>Chats whose entries are written in one transaction.</summary>
    internal int SliceChats { get; init; } = 2_000;

    public async Task StoredAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        await AsPlannerAsync(() => PlanAsync(articles, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Reads the stories queued per chat and the planner's position from the outbox again; the
    /// planner is their only writer, and reads them lazily when this was not called first.
    /// </summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _queued = null;
            await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Plans every article stored after the planner's position (by this instance or another);
    /// returns how many entries were queued. Nothing happens while another instance plans.
    /// </summary>
    public Task<int> CatchUpAsync(CancellationToken cancellationToken) =>
        AsPlannerAsync(() => PlanAsync([], cancellationToken), cancellationToken);

    /// <summary>Runs one plan under the planning role, when this instance holds it; 0 when it does not, or lost it meanwhile.</summary>
    private async Task<int> AsPlannerAsync(Func<Task<int>> plan, CancellationToken cancellationToken)
    {
        if (roles.Held(RoleNames.Planning) is not { } hold)
        {
            return 0;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var scope = context.Enter(hold.Lease);
            if (_tenure != hold.Fence)
            {
                _queued = null;
                _tenure = hold.Fence;
            }

            try
            {
                return await plan().ConfigureAwait(false);
            }
            catch (RoleLostException)
            {
                // The stories are stored; the instance that plans now plans them from its position.
                _queued = null;
                roles.Refused(hold.Lease);
                logger.LogPlanningLost();
                return 0;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task<int> PlanAsync(IReadOnlyList<Article> given, CancellationToken cancellationToken)
    {
        var queued = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        queued.Forget(now);

        // What was handed over and not planned yet, with anything stored before it that never
        // was (the bot stopped in between); at start, everything after the position.
        var batch = given.Where(a => a.Id > _plannedThrough).ToList();
        if (given.Count == 0)
        {
            batch.AddRange(await MissedAsync(before: null, cancellationToken).ConfigureAwait(false));
        }
        else if (batch.Count > 0)
        {
            batch.AddRange(await MissedAsync(before: batch.Min(a => a.Id), cancellationToken).ConfigureAwait(false));
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        var through = batch.Max(a => a.Id);
        batch.Sort((a, b) => a.Id.CompareTo(b.Id));
        var (chatKeys, pairs, options) = Match(batch);

        // Written a slice of chats at a time, each slice in its own transaction, so neither the
        // entries of a fan-out to 100,000 chats nor LiteDB's dirty pages are in memory at once.
        // The position moves with the last slice only. Should the bot stop in between, the
        // batch is planned again: the chats whose entries were written already have those
        // stories queued and get nothing more, and an entry's key names the first article of
        // its own stories, so a chat's remaining stories never meet an existing key.
        var slice = new List<OutboxEntry>(SliceChats);
        var stories = new List<int>();
        var articleIds = new List<int>();
        var added = 0;
        var run = 0;
        while (run < pairs.Length)
        {
            var chatNumber = (int)(pairs[run] >> 32);
            var chatKey = chatKeys[chatNumber];
            var queuedNumber = queued.NumberOf(chatKey);
            stories.Clear();
            articleIds.Clear();
            var push = new EntryPush();
            for (; run < pairs.Length && (int)(pairs[run] >> 32) == chatNumber; run++)
            {
                var article = batch[(int)pairs[run]];
                var story = article.StoryLeadId;

                // A chat with several matching subscriptions, or several reports of one story
                // in the batch, hears of the story once, from its first article.
                if (stories.Contains(story) || queued.Contains(queuedNumber, story))
                {
                    continue;
                }

                stories.Add(story);
                articleIds.Add(article.Id);
                push.Add(options.GetValueOrDefault(pairs[run]));
            }

            var chat = stories.Count == 0 ? null : chats.Find(ChatAddress.Parse(chatKey));
            if (stories.Count == 0 || chat is { Active: false })
            {
                continue;
            }

            var notBefore = chat?.Quiet is { } quiet ? quiet.ReleaseAt(now, chat.Zone) : now;
            slice.Add(OutboxEntry.ForStories(
                chatKey,
                OutboxKeys.Stories(chatKey, articleIds[0]),
                stories.ToArray(),
                articleIds.ToArray(),
                now,
                notBefore) with { Silent = push.Silent, Mentions = push.Mentions });
            if (slice.Count >= SliceChats)
            {
                added += await WriteAsync(slice, queued, _plannedThrough, now, cancellationToken).ConfigureAwait(false);
            }
        }

        added += await WriteAsync(slice, queued, through, now, cancellationToken).ConfigureAwait(false);
        _plannedThrough = through;

        if (added > 0)
        {
            logger.LogQueued(added, batch.Count);
        }

        return added;
    }

    /// <summary>Writes one slice of entries with the planner's position, remembers their stories as queued and empties the slice.</summary>
    private async Task<int> WriteAsync(List<OutboxEntry> slice, QueuedStories queued, int plannedThrough, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = await outbox.EnqueuePlannedAsync(slice, plannedThrough, cancellationToken).ConfigureAwait(false);
        foreach (var entry in slice)
        {
            queued.Add(entry.ChatKey, entry.StoryIds, now);
        }

        slice.Clear();
        return added;
    }

    /// <summary>
    /// The chats the batch's instant subscriptions match, numbered, and one (chat number, article
    /// index) pair per match packed into a long and sorted: each chat's matches are one run, in
    /// article order. A pair is 8 bytes, where a list of stories per chat cost several times that.
    /// </summary>
    /// <remarks>
    /// The options of the subscriptions behind a pair (<see cref="PushOptions"/>) are kept only
    /// for articles that a subscription with options matched, so that the usual plan, where no
    /// subscription has any, costs nothing more.
    /// </remarks>
    private (List<string> ChatKeys, long[] Pairs, Dictionary<long, PairPush> Options) Match(List<Article> batch)
    {
        // Matching is read-only and the matcher thread-safe: the articles are matched side by side.
        var matches = new IReadOnlyList<Subscription>[batch.Count];
        Parallel.For(0, batch.Count, i => matches[i] = batch[i].IsNew ? matcher.Match(batch[i]) : []);

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var chatKeys = new List<string>();
        var pairs = new long[matches.Sum(m => m.Count(s => s.Mode == DeliveryMode.Instant))];
        var options = new Dictionary<long, PairPush>();
        var count = 0;
        for (var i = 0; i < matches.Length; i++)
        {
            var withOptions = matches[i].Any(s => !s.Options.IsDefault);
            foreach (var subscription in matches[i])
            {
                if (subscription.Mode != DeliveryMode.Instant)
                {
                    continue;
                }

                ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, subscription.ChatKey, out var known);
                if (!known)
                {
                    number = chatKeys.Count;
                    chatKeys.Add(subscription.ChatKey);
                }

                var pair = ((long)number << 32) | (uint)i;
                pairs[count++] = pair;
                if (withOptions)
                {
                    ref var push = ref CollectionsMarshal.GetValueRefOrAddDefault(options, pair, out _);
                    (push ??= new PairPush()).Add(subscription.Options);
                }
            }

            matches[i] = [];
        }

        Array.Sort(pairs);
        return (chatKeys, pairs, options);
    }

    /// <summary>
    /// Articles stored after the planner's position but never handed to it (a crash between
    /// storing and planning): from the position up to <paramref name="before"/>, or to the
    /// newest stored article when catching up.
    /// </summary>
    private async Task<List<Article>> MissedAsync(int? before, CancellationToken cancellationToken)
    {
        var missed = new List<Article>();
        var from = _plannedThrough + 1;
        while (before is null || from < before)
        {
            var until = before is { } b ? Math.Min(b, from + CatchUpChunk) : from + CatchUpChunk;
            var found = await articles.GetManyAsync(Enumerable.Range(from, until - from).ToList(), cancellationToken).ConfigureAwait(false);
            missed.AddRange(found);
            if (before is null && found.Count == 0)
            {
                break;
            }

            from = until;
        }

        if (missed.Count > 0)
        {
            // Among instances this is the usual way: the others' articles reach the planner so.
            if (roles.Shared)
            {
                logger.LogPlanningStored(missed.Count);
            }
            else
            {
                logger.LogCatchingUp(missed.Count);
            }
        }

        return missed;
    }

    private async Task<QueuedStories> LoadAsync(CancellationToken cancellationToken)
    {
        if (_queued is not null)
        {
            return _queued;
        }

        var queued = new QueuedStories();
        await foreach (var (chatKey, storyIds, createdAt) in outbox.StoriesQueuedSinceAsync(time.GetUtcNow() - QueuedStories.Remembered, cancellationToken).ConfigureAwait(false))
        {
            queued.Add(chatKey, storyIds, createdAt);
        }

        _plannedThrough = await outbox.PlannedThroughAsync(cancellationToken).ConfigureAwait(false);
        _queued = queued;
        return queued;
    }
}
