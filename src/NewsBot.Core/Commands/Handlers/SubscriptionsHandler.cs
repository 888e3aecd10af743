namespace NewsBot.Core.Commands.Handlers;

public sealed class SubscriptionsHandler(ISubscriptionStore subscriptions, ChatLifecycle chats) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Subscriptions;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var list = await subscriptions.ListForChatAsync(request.Message.Chat.Key, cancellationToken).ConfigureAwait(false);
        if (list.Count == 0)
        {
            return Reply.Text(
                "This chat has no subscriptions. Start one with /subscribe <topic or words>, like /subscribe technology or /subscribe \"electric cars\" daily 08:00.");
        }

        var chat = chats.Find(request.Message.Chat);
        var zone = ChatZone.NameOf(chat);
        var blocks = new List<ReplyBlock>
        {
            new TextBlock("This chat's subscriptions", TextStyle.Heading),
            new EntryListBlock(list.Select(s => new ListEntry($"#{s.Id}", SubscriptionText.Describe(s))).ToList()),
        };
        if (list.Any(s => s.Mode == DeliveryMode.Daily))
        {
            blocks.Add(new TextBlock($"Digest times are in {zone} (/timezone to change).", TextStyle.Hint));
        }

        if (chat?.Quiet is { } quiet)
        {
            blocks.Add(new TextBlock($"Quiet hours {quiet} ({zone}): instant pushes wait until they end (/quiet to change).", TextStyle.Hint));
        }

        if (chat?.AnnouncementsMuted == true)
        {
            blocks.Add(new TextBlock("Announcements from the bot's admins are off here (/subscribe announcements turns them on).", TextStyle.Hint));
        }

        blocks.Add(new TextBlock("Stop one with /unsubscribe <number>.", TextStyle.Hint));
        return new Reply { Blocks = blocks };
    }
}
