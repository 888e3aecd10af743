namespace NewsBot.Core.Commands.Handlers;

/// <summary>
/// <c>/subscriptions</c> lists the chat's subscriptions with how each arrives;
/// <c>/subscriptions &lt;n&gt; silent on|off</c> and <c>/subscriptions &lt;n&gt; ping @role|off</c>
/// change that (<see cref="PushOptions"/>).
/// </summary>
public sealed class SubscriptionsHandler(ISubscriptionStore subscriptions, SubscriptionService changes, ChatLifecycle chats) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.Subscriptions;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var list = await subscriptions.ListForChatAsync(request.Message.Chat.Key, cancellationToken).ConfigureAwait(false);
        if (request.Arguments.Trim().Length > 0)
        {
            return await ChangeAsync(request, list, cancellationToken).ConfigureAwait(false);
        }

        if (list.Count == 0)
        {
            return Reply.Text(t.Get("subscriptions.none"));
        }

        var chat = chats.Find(request.Message.Chat);
        var zone = ChatZone.NameOf(chat);
        var blocks = new List<ReplyBlock>
        {
            new TextBlock(t.Get("subscriptions.heading"), TextStyle.Heading),
            new EntryListBlock(list.Select(s => new ListEntry($"#{s.Id}", Describe(s, t))).ToList()),
        };
        if (chat?.Pause is { } pause)
        {
            blocks.Add(new TextBlock(t.Get("subscriptions.paused", ("reason", StoredText.Render(pause.Reason, t))), TextStyle.Hint));
        }

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
        blocks.Add(new TextBlock(t.Get("subscriptions.optionsHint"), TextStyle.Hint));
        return new Reply { Blocks = blocks };
    }

    private static string Describe(Subscription subscription, Texts t)
    {
        var text = SubscriptionText.Describe(subscription, t);
        if (subscription.Options.Silent)
        {
            text += " · " + t.Get("subscriptions.optionSilent");
        }

        if (subscription.Options.PingRole is { } role)
        {
            text += " · " + t.Get("subscriptions.optionPing", ("role", RoleName(role, subscription.Options.PingRoleName)));
        }

        return text;
    }

    private async ValueTask<Reply> ChangeAsync(CommandRequest request, IReadOnlyList<Subscription> list, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var change = SubscriptionSetting.Parse(request.Arguments);
        if (change is null)
        {
            return Reply.Problem(t.Get("subscriptions.badSetting", ("setting", Shown(request.Arguments))));
        }

        var subscription = list.FirstOrDefault(s => s.Id == change.Number);
        if (subscription is null)
        {
            return Reply.Problem(t.Get("subscriptions.notFound", ("number", change.Number)));
        }

        var options = subscription.Options;
        string done;
        switch (change)
        {
            case { Silent: { } silent }:
                options = options with { Silent = silent };
                done = t.Get(silent ? "subscriptions.silentOn" : "subscriptions.silentOff", ("number", change.Number));
                break;
            case { PingOff: true }:
                options = options with { PingRole = null, PingRoleName = null };
                done = t.Get("subscriptions.pingOff", ("number", change.Number));
                break;
            case { PingRole: null }:
                return Reply.Problem(t.Get("subscriptions.pingWhich", ("number", change.Number)));
            default:
                if (request.Message.AskRoleMention is not { } ask)
                {
                    return Reply.Problem(t.Get("subscriptions.pingDiscordOnly"));
                }

                var role = change.PingRole!;
                var check = await ask(role, cancellationToken).ConfigureAwait(false);
                var name = RoleName(role, check.Name);
                switch (check.Verdict)
                {
                    case RoleMention.UnknownRole:
                        return Reply.Problem(t.Get("subscriptions.pingUnknownRole", ("role", name)));
                    case RoleMention.NotAllowed:
                        return Reply.Problem(t.Get("subscriptions.pingNotAllowed", ("role", name)));
                    case RoleMention.Everyone:
                        return Reply.Problem(t.Get("subscriptions.pingEveryone"));
                    case RoleMention.Unavailable:
                        return Reply.Problem(t.Get("subscriptions.pingCheckFailed", ("role", name)));
                }

                options = options with { PingRole = role, PingRoleName = check.Name };
                done = t.Get("subscriptions.pingSet", ("number", change.Number), ("role", name));
                break;
        }

        if (await changes.SetOptionsAsync(request.Message.Chat.Key, subscription.Id, options, cancellationToken).ConfigureAwait(false) is null)
        {
            return Reply.Problem(t.Get("subscriptions.notFound", ("number", change.Number)));
        }

        return Reply.Text(done);
    }

    private static string RoleName(string id, string? name) => "@" + (string.IsNullOrWhiteSpace(name) ? id : name);

    private static string Shown(string text)
    {
        var trimmed = text.Trim();
        return Quoted.Shorten(trimmed, 40);
    }
}
