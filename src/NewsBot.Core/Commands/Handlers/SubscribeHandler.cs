using NewsBot.Core.Digests;

namespace NewsBot.Core.Commands.Handlers;

public sealed class SubscribeHandler(
    ISubscriptionStore subscriptions,
    SubscriptionService changes,
    ChatLifecycle chats,
    TopicClassifier topics,
    ArticleIndex index,
    TimeProvider time) : ICommandHandler
{
    /// <summary>A chat with more than this is better served by fewer, broader subscriptions.</summary>
    public const int MaxPerChat = 50;

    public CommandInfo Command => CommandCatalog.Subscribe;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        AnnouncementOptOut.IsMeant(request.Arguments)
            ? AnnouncementOptOut.SetAsync(request, chats, muted: false, cancellationToken)
            : ChangeAsync(request, cancellationToken);

    private async ValueTask<Reply> ChangeAsync(CommandRequest request, CancellationToken cancellationToken)
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

        if (text.Length > SearchQuery.MaxLength)
        {
            return Reply.Problem(t.Get("subscribe.tooLong", ("length", text.Length), ("max", SearchQuery.MaxLength)));
        }

        SubscriptionKind kind;
        string stored;
        if (TopicKey(text) is { } topic)
        {
            kind = SubscriptionKind.Topic;
            stored = topic;
        }
        else
        {
            var query = SearchQuery.Parse(text);
            if (query.IsEmpty)
            {
                return Reply.Problem(t.Get("subscribe.empty"));
            }

            if (query.TermCount > SearchQuery.MaxTerms)
            {
                return Reply.Problem(t.Get("subscribe.tooManyTerms", ("terms", query.TermCount), ("max", SearchQuery.MaxTerms)));
            }

            kind = SubscriptionKind.Keywords;
            stored = text;
        }

        var key = SubscriptionText.MatchKey(kind, stored);

        var chatKey = request.Message.Chat.Key;
        var existing = await subscriptions.ListForChatAsync(chatKey, cancellationToken).ConfigureAwait(false);
        var duplicate = existing.FirstOrDefault(s => SubscriptionText.MatchKey(s.Kind, s.Query) == key && s.Mode == mode && s.DailyAt == dailyAt);
        if (duplicate is not null)
        {
            return Reply.Text(t.Get("subscribe.duplicate", ("id", duplicate.Id), ("subscription", SubscriptionText.Describe(duplicate, t))));
        }

        if (existing.Count >= MaxPerChat)
        {
            return Reply.Problem(t.Count("subscribe.full", MaxPerChat));
        }

        var added = await changes.AddAsync(
            new Subscription(0, chatKey, kind, stored, mode, dailyAt, request.Message.User.Key, time.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);

        var blocks = new List<ReplyBlock> { new TextBlock(t.Get("subscribe.done", ("id", added.Id), ("subscription", SubscriptionText.Describe(added, t)))) };
        if (mode == DeliveryMode.Daily)
        {
            var chat = chats.Find(request.Message.Chat);
            var zone = ChatZone.Of(chat);
            var zoneName = ChatZone.NameOf(chat);
            var now = time.GetUtcNow();
            var first = LocalClock.Next(dailyAt!.Value, zone, added.CreatedAt);
            var local = TimeZoneInfo.ConvertTime(first, zone);
            var today = DigestClock.LocalDate(first, zone) == DigestClock.LocalDate(now, zone);
            blocks.Add(new TextBlock(
                t.Get(today ? "subscribe.firstToday" : "subscribe.firstTomorrow", ("time", t.Clock(local)), ("zone", zoneName), ("until", t.Until(first, now))),
                TextStyle.Hint));
            blocks.Add(new TextBlock(t.Get("subscribe.zoneHint", ("zone", zoneName)), TextStyle.Hint));
        }
        else if (kind == SubscriptionKind.Topic && index.LatestInTopic(stored, 0, 0).Total == 0)
        {
            blocks.Add(new TextBlock(t.Get("subscribe.emptyTopic", ("topic", t.Topic(stored))), TextStyle.Hint));
        }

        blocks.Add(new TextBlock(t.Get("subscribe.listHint"), TextStyle.Hint));
        return new Reply { Blocks = blocks, Buttons = [ReplyButton.ForCommand(t.Get("button.undo"), $"/unsubscribe {added.Id}")] };
    }

    /// <summary>The topic's key when the text names a topic, by its key or by its name in some language; null for words.</summary>
    private string? TopicKey(string text)
    {
        if (text.StartsWith('-') || text.StartsWith('"'))
        {
            return null;
        }

        if (!text.Contains(' ', StringComparison.Ordinal) && IsKnown(text))
        {
            return TopicNames.Normalize(text);
        }

        return LanguageCatalog.Default.TopicKeyFor(text) is { } named && IsKnown(named) ? named : null;
    }

    private bool IsKnown(string topic) => topics.IsKnownTopic(topic) || index.LatestInTopic(topic, 0, 0).Total > 0;
}
