namespace NewsBot.Core.Digests;

/// <summary>
/// What a daily digest looks like: "Your daily digest: technology — 17 new", the top stories,
/// and where to find the rest. Nothing is sent when the subscription was stopped meanwhile or
/// every listed article has been pruned.
/// </summary>
public sealed class DigestComposer(ISubscriptionStore subscriptions, IArticleStore articles, ChatLifecycle chats) : IOutboxComposer
{
    public OutboxKind Kind => OutboxKind.Digest;

    public async ValueTask<Reply?> ComposeAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!int.TryParse(entry.Reference, NumberStyles.None, CultureInfo.InvariantCulture, out var subscriptionId))
        {
            return null;
        }

        var subscription = (await subscriptions.ListForChatAsync(entry.ChatKey, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Id == subscriptionId);
        if (subscription is null)
        {
            return null;
        }

        // The articles are in rank order; one pruned since is passed over for the next.
        var listed = (await articles.GetManyAsync(entry.ArticleIds.Take(DigestScheduler.Listed * 2).ToList(), cancellationToken).ConfigureAwait(false)).Take(DigestScheduler.Listed).ToList();
        if (listed.Count == 0)
        {
            return null;
        }

        return For(subscription, listed, Math.Max(entry.ArticleIds.Count, listed.Count), chats.TextsOf(ChatAddress.Parse(entry.ChatKey)));
    }

    /// <summary>The digest in the chat's language; the articles stay as their feeds wrote them.</summary>
    public static Reply For(Subscription subscription, IReadOnlyList<Article> listed, int total, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(texts);
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(texts.Count("digest.heading", total, ("subscription", SubscriptionText.Name(subscription, texts))), TextStyle.Heading),
            ArticleViews.ListOf(listed),
        };
        if (total > listed.Count)
        {
            blocks.Add(new TextBlock(texts.Count("digest.more", total - listed.Count, ("command", MoreCommand(subscription))), TextStyle.Hint));
        }

        blocks.Add(new TextBlock(texts.Get("digest.hint", ("id", subscription.Id)), TextStyle.Hint));
        return new Reply
        {
            Blocks = blocks,
            SuppressLinkPreview = true,
            Language = texts.Code,
            Silent = subscription.Options.Silent,
            MentionRoles = subscription.Options.PingRole is { } role ? [role] : [],
        };
    }

    /// <summary>Where the rest of a digest's matches are listed.</summary>
    public static string MoreCommand(Subscription subscription) =>
        subscription.Kind == SubscriptionKind.Topic ? $"/topic {subscription.Query}" : $"/search {subscription.Query}";
}
