namespace NewsBot.Core.Commands.Handlers;

public sealed class UnsubscribeHandler(ISubscriptionStore subscriptions, SubscriptionService changes, ChatLifecycle chats) : ICommandHandler
{
    private const string AllWord = "all";

    public CommandInfo Command => CommandCatalog.Unsubscribe;

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        AnnouncementOptOut.IsMeant(request.Arguments)
            ? AnnouncementOptOut.SetAsync(request, chats, muted: true, cancellationToken)
            : ChangeAsync(request, cancellationToken);

    private async ValueTask<Reply> ChangeAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var text = request.Arguments.Trim();
        if (text.Length == 0)
        {
            return Reply.Problem(t.Get("unsubscribe.missing"));
        }

        var chatKey = request.Message.Chat.Key;
        var existing = await subscriptions.ListForChatAsync(chatKey, cancellationToken).ConfigureAwait(false);
        if (existing.Count == 0)
        {
            return Reply.Text(t.Get("unsubscribe.none"));
        }

        List<Subscription> matching;
        if (string.Equals(text, AllWord, StringComparison.OrdinalIgnoreCase) || string.Equals(text, t.Get("word.all"), StringComparison.OrdinalIgnoreCase))
        {
            matching = existing.ToList();
        }
        else if (int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            matching = existing.Where(s => s.Id == id).ToList();
            if (matching.Count == 0)
            {
                return Reply.Problem(t.Get("unsubscribe.unknownId", ("id", id)));
            }
        }
        else
        {
            var asTopic = SubscriptionText.MatchKey(SubscriptionKind.Topic, LanguageCatalog.Default.TopicKeyFor(text) ?? text);
            var asWords = SubscriptionText.MatchKey(SubscriptionKind.Keywords, text);
            matching = existing
                .Where(s => SubscriptionText.MatchKey(s.Kind, s.Query) is var key && (key == asTopic || key == asWords))
                .ToList();
            if (matching.Count == 0)
            {
                var shown = Quoted.Shorten(text, 60);
                return Reply.Problem(t.Get("unsubscribe.noMatch", ("query", shown)));
            }
        }

        var removed = await changes.RemoveAsync(chatKey, matching.Select(s => s.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return Reply.Text(removed == 1
            ? t.Get("unsubscribe.stoppedOne", ("id", matching[0].Id), ("subscription", SubscriptionText.Describe(matching[0], t)))
            : t.Count("unsubscribe.stoppedMany", removed));
    }
}
