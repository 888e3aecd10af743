namespace NewsBot.Core.Commands.Handlers;

public sealed class SubscriptionsHandler(ISubscriptionStore subscriptions, ChatLifecycle chats) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Subscriptions;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var list = await subscriptions.ListForChatAsync(request.Message.Chat.Key, cancellationToken).ConfigureAwait(false);
        if (list.Count == 0)
        {
            return Reply.Text(t.Get("subscriptions.none"));
        }

        var chat = chats.Find(request.Message.Chat);
        var zone = ChatZone.NameOf(chat);
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(t.Get("subscriptions.heading"), TextStyle.Heading),
            new EntryListBlock(list.Select(s => new ListEntry($"#{s.Id}", SubscriptionText.Describe(s, t))).ToList()),
        };
        if (list.Any(s => s.Mode == DeliveryMode.Daily))
        {
            blocks.Add(new TextBlock(t.Get("subscriptions.zone", ("zone", zone)), TextStyle.Hint));
        }

        if (chat?.Quiet is { } quiet)
        {
            blocks.Add(new TextBlock(t.Get("subscriptions.quiet", ("window", quiet.ToString()), ("zone", zone)), TextStyle.Hint));
        }

        if (chat?.AnnouncementsMuted == true)
        {
            blocks.Add(new TextBlock(t.Get("subscriptions.announcementsOff"), TextStyle.Hint));
        }

        blocks.Add(new TextBlock(t.Get("subscriptions.stopHint"), TextStyle.Hint));
        return new Reply { Blocks = blocks };
    }
}
