namespace NewsBot.Core.Commands.Handlers;

public sealed class TimeZoneHandler(ChatLifecycle chats, DigestSchedule digests, TimeProvider time) : ICommandHandler
{
    public CommandInfo Command => CommandCatalog.TimeZone;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var wanted = request.Arguments.Trim();
        var current = chats.Find(request.Message.Chat)?.TimeZone ?? "UTC";
        if (wanted.Length == 0)
        {
            return Reply.Text($"This chat's time zone is {current}; the local time there is {LocalTime(current)}. Change it with /timezone <IANA zone>, like /timezone Europe/Berlin.");
        }

        var zone = TimeZoneNames.Find(wanted);
        if (zone is null)
        {
            var shown = wanted.Length <= 40 ? wanted : wanted[..40] + "…";
            var suggestions = TimeZoneNames.Suggest(wanted, 3);
            var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions)}?" : string.Empty;
            return Reply.Problem($"I don't know the time zone '{shown}'.{hint} Use an IANA name such as Europe/Berlin, America/New_York or Asia/Tokyo.");
        }

        await chats.ReactivateAsync(request.Message.Chat, request.Message.ChatKind, request.Message.ChatTitle, cancellationToken).ConfigureAwait(false);
        await chats.SetTimeZoneAsync(request.Message.Chat, zone, cancellationToken).ConfigureAwait(false);
        digests.Recheck(request.Message.Chat.Key);
        return Reply.Text($"This chat's time zone is now {zone}; the local time there is {LocalTime(zone)}. Daily digests follow it.");
    }

    private string LocalTime(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        return TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
