namespace NewsBot.Core.Commands.Handlers;

public sealed class UnsubscribeHandler(ISubscriptionStore subscriptions, SubscriptionService changes, ChatLifecycle chats) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Unsubscribe;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        AnnouncementOptOut.IsMeant(request.Arguments)
            ? AnnouncementOptOut.SetAsync(request, chats, muted: true, cancellationToken)
            : ChangeAsync(request, cancellationToken);

    private async ValueTask<Reply> ChangeAsync(CommandRequest request, CancellationToken cancellationToken)
    {

        var text = request.Arguments.Trim();
        if (text.Length == 0)
        {
            return Reply.Problem("Which one? Type /unsubscribe <number>, the topic or words you subscribed to, or all. /subscriptions shows the numbers.");
        }

        var chatKey = request.Message.Chat.Key;
        var existing = await subscriptions.ListForChatAsync(chatKey, cancellationToken).ConfigureAwait(false);
        if (existing.Count == 0)
        {
            return Reply.Text("This chat has no subscriptions, so there is nothing to stop. Start one with /subscribe <topic or words>.");
        }

        List<Subscription> matching;
        if (string.Equals(text, "all", StringComparison.OrdinalIgnoreCase))
        {
            matching = existing.ToList();
        }
        else if (int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            matching = existing.Where(s => s.Id == id).ToList();
            if (matching.Count == 0)
            {
                return Reply.Problem($"#{id} is not one of this chat's subscriptions. /subscriptions shows their numbers.");
            }
        }
        else
        {
            var asTopic = SubscriptionText.MatchKey(SubscriptionKind.Topic, text);
            var asWords = SubscriptionText.MatchKey(SubscriptionKind.Keywords, text);
            matching = existing
                .Where(s => SubscriptionText.MatchKey(s.Kind, s.Query) is var key && (key == asTopic || key == asWords))
                .ToList();
            if (matching.Count == 0)
            {
                var shown = text.Length <= 60 ? text : text[..60] + "…";
                return Reply.Problem($"This chat has no subscription to {shown}. /subscriptions shows what it has, with numbers for /unsubscribe.");
            }
        }

        var removed = await changes.RemoveAsync(chatKey, matching.Select(s => s.Id).ToList(), cancellationToken).ConfigureAwait(false);
        var what = removed == 1 ? $"#{matching[0].Id} ({SubscriptionText.Describe(matching[0])})" : $"{removed} subscriptions";
        return Reply.Text($"Stopped {what}.");
    }
}
