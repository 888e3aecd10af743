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

        if (!SubscriptionRequest.TryParse(request.Arguments, out var text, out var mode, out var dailyAt, out var problem))
        {
            return Reply.Problem(problem!);
        }

        if (text.Length == 0)
        {
            return Reply.Problem("What should this chat follow? Type /subscribe <topic or words>, like /subscribe technology, /subscribe \"solar power\" -stocks or /subscribe science daily 08:00. /topics lists the topics.");
        }

        if (text.Length > SearchQuery.MaxLength)
        {
            return Reply.Problem($"That is too long ({text.Length} characters); keep a subscription under {SearchQuery.MaxLength}.");
        }

        SubscriptionKind kind;
        string stored;
        if (IsTopic(text))
        {
            kind = SubscriptionKind.Topic;
            stored = TopicNames.Normalize(text);
        }
        else
        {
            var query = SearchQuery.Parse(text);
            if (query.IsEmpty)
            {
                return Reply.Problem("Give at least one word to look for; -exclusions alone match nothing. Example: /subscribe solar -stocks");
            }

            if (query.TermCount > SearchQuery.MaxTerms)
            {
                return Reply.Problem($"That has {query.TermCount} terms; use at most {SearchQuery.MaxTerms}.");
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
            return Reply.Text($"This chat already has that subscription (#{duplicate.Id}: {SubscriptionText.Describe(duplicate)}). /subscriptions lists them all.");
        }

        if (existing.Count >= MaxPerChat)
        {
            return Reply.Problem($"This chat has {MaxPerChat} subscriptions, the most it can have. Remove some with /unsubscribe first.");
        }

        var added = await changes.AddAsync(
            new Subscription(0, chatKey, kind, stored, mode, dailyAt, request.Message.User.Key, time.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);

        var blocks = new List<ReplyBlock> { new TextBlock($"Subscribed (#{added.Id}): {SubscriptionText.Describe(added)}.") };
        if (mode == DeliveryMode.Daily)
        {
            var chat = chats.Find(request.Message.Chat);
            var zone = ChatZone.Of(chat);
            var zoneName = ChatZone.NameOf(chat);
            var now = time.GetUtcNow();
            var first = LocalClock.Next(dailyAt!.Value, zone, added.CreatedAt);
            var local = TimeZoneInfo.ConvertTime(first, zone);
            var day = DigestClock.LocalDate(first, zone) == DigestClock.LocalDate(now, zone) ? "today" : "tomorrow";
            blocks.Add(new TextBlock(
                $"The first digest comes {day} at {local.ToString("HH:mm", CultureInfo.InvariantCulture)} {zoneName} ({RelativeTime.Until(first, now)}), with the matches of the last 24 hours; then one every day with what is new since the one before. A day with nothing new sends nothing.",
                TextStyle.Hint));
            blocks.Add(new TextBlock($"Digest times follow this chat's time zone, {zoneName}. Change it with /timezone <zone>, like /timezone Europe/Berlin.", TextStyle.Hint));
        }
        else if (kind == SubscriptionKind.Topic && index.LatestInTopic(stored, 0, 0).Total == 0)
        {
            blocks.Add(new TextBlock($"No article is in {stored} yet; new ones will come here when they appear.", TextStyle.Hint));
        }

        blocks.Add(new TextBlock("/subscriptions lists this chat's subscriptions; /unsubscribe stops one.", TextStyle.Hint));
        return new Reply { Blocks = blocks, Buttons = [ReplyButton.ForCommand("Undo", $"/unsubscribe {added.Id}")] };
    }

    private bool IsTopic(string text) =>
        !text.Contains(' ', StringComparison.Ordinal) && !text.StartsWith('-') && !text.StartsWith('"')
        && (topics.IsKnownTopic(text) || index.LatestInTopic(text, 0, 0).Total > 0);
}
