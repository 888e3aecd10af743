using System.Text.RegularExpressions;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>
/// <c>/subscribe &lt;topic or query&gt; [daily HH:mm]</c> answers with a preview (see
/// <see cref="SubscriptionPreviewReply"/>); <c>/subscribe confirm &lt;n&gt;</c>, which its
/// Subscribe button carries, makes the subscription, and <c>/subscribe cancel &lt;n&gt;</c> drops
/// it. Daily digests go through the same preview: what a digest holds is what the query matches.
/// </summary>
public sealed partial class SubscribeHandler(
    ISubscriptionStore subscriptions,
    SubscriptionService changes,
    SubscriptionPreviews previews,
    ChatLifecycle chats,
    TopicClassifier topics,
    ArticleIndex index,
    IArticleStore articles,
    ISourceStore sources,
    TimeProvider time) : ICommandHandler
{
    /// <summary>A chat with more than this is better served by fewer, broader subscriptions.</summary>
    public const int MaxPerChat = 50;

    public CommandInfo Command => CommandCatalog.Subscribe;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AnnouncementOptOut.IsMeant(request.Arguments))
        {
            return AnnouncementOptOut.SetAsync(request, chats, muted: false, cancellationToken);
        }

        var answer = PreviewAnswer().Match(request.Arguments.Trim());
        if (answer.Success && int.TryParse(answer.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return string.Equals(answer.Groups["action"].Value, "confirm", StringComparison.OrdinalIgnoreCase)
                ? ConfirmAsync(request, id, cancellationToken)
                : ValueTask.FromResult(Cancel(request, id));
        }

        return PreviewAsync(request, cancellationToken);
    }

    private async ValueTask<Reply> PreviewAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        if (!SubscriptionRequest.TryParse(request.Arguments, out var text, out var mode, out var dailyAt, out var badTime))
        {
            return Reply.Problem(t.Get("subscribe.badTime", ("time", badTime)));
        }

        if (text.Length == 0)
        {
            return Reply.Problem(t.Get("subscribe.missing"));
        }

        SubscriptionKind kind;
        string stored;
        SearchQuery query;
        if (TopicKey(text) is { } topic)
        {
            (kind, stored, query) = (SubscriptionKind.Topic, topic, SearchQuery.ForTopic(topic));
        }
        else
        {
            // Terms and mistakes first: a query of 500 terms is told about its terms, not its length.
            var parsed = SearchQuery.TryParse(text, out var error);
            if (parsed is null)
            {
                return Reply.Problem(QueryProblems.Describe(error!, t));
            }

            if (parsed.TermCount > SearchQuery.MaxTerms)
            {
                return Reply.Problem(t.Get("subscribe.tooManyTerms", ("terms", parsed.TermCount), ("max", SearchQuery.MaxTerms)));
            }

            if (parsed.IsEmpty)
            {
                return Reply.Problem(t.Get("subscribe.empty"));
            }

            (kind, stored, query) = (SubscriptionKind.Keywords, text, parsed);
        }

        if (text.Length > SearchQuery.MaxLength)
        {
            return Reply.Problem(t.Get("subscribe.tooLong", ("length", text.Length), ("max", SearchQuery.MaxLength)));
        }

        var chatKey = request.Message.Chat.Key;
        if (await RoomFor(chatKey, kind, stored, mode, dailyAt, t, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused.Reply;
        }

        var now = time.GetUtcNow();
        var sourceNames = query.UsesSources ? await SearchHandler.SourceNamesAsync(sources, cancellationToken).ConfigureAwait(false) : null;
        var found = index.Newest(query, now - SubscriptionPreviewReply.Window, SubscriptionPreviewReply.Shown, sourceNames);
        var newest = await articles.GetManyAsync(found.Ids, cancellationToken).ConfigureAwait(false);
        var pending = previews.Add(chatKey, request.Message.User.Key, kind, stored, mode, dailyAt);
        var described = new Subscription(0, chatKey, kind, stored, mode, dailyAt, request.Message.User.Key, now);
        return SubscriptionPreviewReply.Build(pending, described, found.Total, newest, t, request.NamedChat);
    }

    private async ValueTask<Reply> ConfirmAsync(CommandRequest request, int id, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var claim = previews.Claim(id, request.Message.Chat.Key, request.Message.User.Key);
        if (claim.State != PreviewState.Pending)
        {
            return Unavailable(claim, id, t);
        }

        var pending = claim.Pending!;
        try
        {
            var room = await RoomFor(pending.ChatKey, pending.Kind, pending.Query, pending.Mode, pending.DailyAt, t, cancellationToken).ConfigureAwait(false);
            if (room is { Existing: { } existing })
            {
                previews.Complete(id, existing.Id);
                return room.Reply;
            }

            if (room is not null)
            {
                previews.Release(id);
                return room.Reply;
            }

            var added = await changes.AddAsync(
                new Subscription(0, pending.ChatKey, pending.Kind, pending.Query, pending.Mode, pending.DailyAt, pending.UserKey, time.GetUtcNow()),
                cancellationToken).ConfigureAwait(false);
            previews.Complete(id, added.Id);
            var emptyTopic = added.Kind == SubscriptionKind.Topic && index.LatestInTopic(added.Query, 0, 0).Total == 0;
            return SubscribedReply.Build(added, chats.Find(request.Message.Chat), emptyTopic, time.GetUtcNow(), t);
        }
        catch
        {
            previews.Release(id);
            throw;
        }
    }

    private Reply Cancel(CommandRequest request, int id)
    {
        var t = request.Texts;
        var claim = previews.Cancel(id, request.Message.Chat.Key, request.Message.User.Key);
        return claim.State == PreviewState.Pending ? Reply.Text(t.Get("subscribe.preview.cancelled")) : Unavailable(claim, id, t);
    }

    /// <summary>Why a preview cannot be confirmed or cancelled (any more).</summary>
    private static Reply Unavailable(PreviewClaim claim, int id, Texts t)
    {
        var minutes = (int)SubscriptionPreviews.Lifetime.TotalMinutes;
        return claim.State switch
        {
            PreviewState.Confirmed => Reply.Text(t.Get("subscribe.preview.alreadyDone", ("id", claim.SubscriptionId))),
            PreviewState.Confirming => Reply.Text(t.Get("subscribe.preview.confirming")),
            PreviewState.Cancelled => Reply.Problem(t.Get("subscribe.preview.wasCancelled")),
            PreviewState.Expired => Reply.Problem(t.Get("subscribe.preview.expired", ("minutes", minutes), ("query", claim.Pending!.Query))),
            PreviewState.OtherChat => Reply.Problem(t.Get("subscribe.preview.otherChat", ("id", id))),
            PreviewState.OtherPerson => Reply.Problem(t.Get("subscribe.preview.otherPerson")),
            _ => Reply.Problem(t.Get("subscribe.preview.unknown", ("id", id), ("minutes", minutes))),
        };
    }

    /// <summary>Null when the chat can take this subscription; otherwise the answer, and the same subscription when it has it already.</summary>
    private async Task<Refusal?> RoomFor(string chatKey, SubscriptionKind kind, string stored, DeliveryMode mode, TimeOnly? dailyAt, Texts t, CancellationToken cancellationToken)
    {
        var key = SubscriptionText.MatchKey(kind, stored);
        var existing = await subscriptions.ListForChatAsync(chatKey, cancellationToken).ConfigureAwait(false);
        var duplicate = existing.FirstOrDefault(s => SubscriptionText.MatchKey(s.Kind, s.Query) == key && s.Mode == mode && s.DailyAt == dailyAt);
        if (duplicate is not null)
        {
            return new Refusal(Reply.Text(t.Get("subscribe.duplicate", ("id", duplicate.Id), ("subscription", SubscriptionText.Describe(duplicate, t)))), duplicate);
        }

        return existing.Count >= MaxPerChat ? new Refusal(Reply.Problem(t.Count("subscribe.full", MaxPerChat)), null) : null;
    }

    /// <summary>The topic's key when the text names a topic, by its key or by its name in some language; null for words.</summary>
    private string? TopicKey(string text)
    {
        if (text.StartsWith('-') || text.StartsWith('"'))
        {
            return null;
        }

        if (!text.Contains(' ', StringComparison.Ordinal) && !text.Contains(':', StringComparison.Ordinal) && IsKnown(text))
        {
            return TopicNames.Normalize(text);
        }

        return LanguageCatalog.Default.TopicKeyFor(text) is { } named && IsKnown(named) ? named : null;
    }

    private bool IsKnown(string topic) => topics.IsKnownTopic(topic) || index.LatestInTopic(topic, 0, 0).Total > 0;

    [GeneratedRegex(@"^(?<action>confirm|cancel)\s+#?(?<id>\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreviewAnswer();

    private sealed record Refusal(Reply Reply, Subscription? Existing);
}
