namespace NewsBot.Core.Commands.Handlers;

public sealed class TimeZoneHandler(ChatLifecycle chats, DigestSchedule digests, TimeProvider time) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.TimeZone;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var wanted = request.Arguments.Trim();
        var current = chats.Find(request.Message.Chat)?.TimeZone ?? "UTC";
        if (wanted.Length == 0)
        {
            return Reply.Text(t.Get("timezone.show", ("zone", current), ("time", LocalTime(current, t))));
        }

        var zone = TimeZoneNames.Find(wanted);
        if (zone is null)
        {
            var shown = Quoted.Shorten(wanted, 40);
            var suggestions = TimeZoneNames.Suggest(wanted, 3);
            return Reply.Problem(suggestions.Count > 0
                ? t.Get("timezone.unknownSuggest", ("zone", shown), ("suggestions", string.Join(t.Get("format.orSeparator"), suggestions)))
                : t.Get("timezone.unknown", ("zone", shown)));
        }

        await chats.ReactivateAsync(request.Message.Chat, request.Message.ChatKind, request.Message.ChatTitle, cancellationToken).ConfigureAwait(false);
        await chats.SetTimeZoneAsync(request.Message.Chat, zone, cancellationToken).ConfigureAwait(false);
        digests.Recheck(request.Message.Chat.Key);
        return Reply.Text(t.Get("timezone.set", ("zone", zone), ("time", LocalTime(zone, t))));
    }

    private string LocalTime(string zoneId, Texts t)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        return t.Clock(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone));
    }
}
