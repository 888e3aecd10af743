namespace NewsBot.Core.Changes;

/// <summary>
/// Keeps this instance's structures in memory in step with what every instance stores: the
/// article index (through <see cref="ArticleIngestor"/>), the subscription matcher and digest
/// schedule (through <see cref="SubscriptionService"/>) and the chats (through
/// <see cref="ChatLifecycle"/>), each through its one owner. It follows the database's change
/// feed by number: woken when a change commits, and catching up after a start or a lost
/// connection. New articles also wake the planner, should this instance hold planning.
/// Applying a change twice is harmless, so changes this instance made itself cost a look-up.
/// </summary>
public sealed class ChangeFollower(
    IChangeFeed feed,
    IArticleStore articles,
    ArticleIngestor ingestor,
    SubscriptionService subscriptions,
    ChatLifecycle chats,
    DigestSchedule digests,
    DeliveryPlanner planner,
    ILogger<ChangeFollower> logger)
{
    /// <summary>The longest wait between catch-ups when no notice arrives.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    private const int Batch = 1000;

    private long _position = -1;

    /// <summary>The number of the last change applied.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Marks where following starts: call before the structures are read from the database at start.</summary>
    public async Task MarkAsync(CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _position, await feed.NewestAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Applies every change after the position; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (Position < 0)
        {
            await MarkAsync(cancellationToken).ConfigureAwait(false);
        }

        // A change never applied that is pruned already cannot be had any more.
        var prunedThrough = await feed.PrunedThroughAsync(cancellationToken).ConfigureAwait(false);
        if (Position < prunedThrough)
        {
            throw ChangeFeedGapException.At(Position, prunedThrough);
        }

        var applied = 0;
        var articlesAdded = false;
        while (true)
        {
            var changes = await feed.AfterAsync(Position, Batch, cancellationToken).ConfigureAwait(false);
            foreach (var change in changes)
            {
                await ApplyAsync(change, cancellationToken).ConfigureAwait(false);
                articlesAdded |= change.Kind == ChangeKind.ArticlesAdded;
                Interlocked.Exchange(ref _position, change.Number);
                applied++;
            }

            if (changes.Count < Batch)
            {
                break;
            }
        }

        if (articlesAdded)
        {
            await planner.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        }

        if (applied > 0)
        {
            logger.LogApplied(applied, Position);
        }

        return applied;
    }

    /// <summary>Follows the feed until stopped: a catch-up after every notice, and at least every <see cref="LongestWait"/>.</summary>
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
                if (failing)
                {
                    failing = false;
                    logger.LogFollowingAgain(Position);
                }

                await feed.WaitAsync(LongestWait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not ChangeFeedGapException)
            {
                // Said once per outage; the position stays, so nothing is skipped when it ends.
                if (!failing)
                {
                    failing = true;
                    logger.LogFollowingFailed(ex.Message, Position);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ApplyAsync(StoreChange change, CancellationToken cancellationToken)
    {
        switch (change.Kind)
        {
            case ChangeKind.ArticlesAdded:
                var unknown = change.Ids.Where(id => !ingestor.Indexes(id)).ToList();
                if (unknown.Count > 0)
                {
                    ingestor.Observe(await articles.GetManyAsync(unknown, cancellationToken).ConfigureAwait(false));
                }

                break;
            case ChangeKind.ArticlesRemoved:
                ingestor.Forget(change.Ids.ToList());
                break;
            case ChangeKind.Subscriptions:
                await subscriptions.RefreshAsync(change.Ids, change.Keys, cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Chats:
                await chats.RefreshAsync(change.Keys, cancellationToken).ConfigureAwait(false);
                foreach (var key in change.Keys)
                {
                    // Its time zone may have changed: its digests are timed again.
                    digests.Recheck(key);
                }

                break;
        }
    }
}
