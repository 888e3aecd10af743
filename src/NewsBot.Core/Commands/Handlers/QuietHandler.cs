namespace NewsBot.Core.Commands.Handlers;

/// <summary><c>/quiet 22:00-07:00</c>, <c>/quiet off</c>, <c>/quiet</c>: a nightly window in which instant pushes wait.</summary>
public sealed class QuietHandler(ChatLifecycle chats, TimeProvider time) : ICommandHandler
{
    private static readonly string[] OffWords = ["off", "none", "stop", "no"];

    public CommandInfo Command => CommandCatalog.Quiet;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var t = request.Texts;
        var wanted = request.Arguments.Trim();
        var chat = chats.Find(request.Message.Chat);
        var zoneName = ChatZone.NameOf(chat);
        if (wanted.Length == 0)
        {
            return Show(chat, zoneName, t);
        }

        if (OffWords.Contains(wanted, StringComparer.OrdinalIgnoreCase))
        {
            if (chat?.Quiet is null)
            {
                return Reply.Text(t.Get("quiet.alreadyNone"));
            }

            await chats.SetQuietHoursAsync(request.Message.Chat, null, cancellationToken).ConfigureAwait(false);
            return Reply.Text(t.Get("quiet.off"));
        }

        if (!QuietHours.TryParse(wanted, out var hours))
        {
            var shown = Quoted.Shorten(wanted, 40);
            return Reply.Problem(t.Get("quiet.bad", ("window", shown)));
        }

        await chats.ReactivateAsync(request.Message.Chat, request.Message.ChatKind, request.Message.ChatTitle, cancellationToken).ConfigureAwait(false);
        await chats.SetQuietHoursAsync(request.Message.Chat, hours, cancellationToken).ConfigureAwait(false);
        var zone = ChatZone.Of(chat);
        var now = time.GetUtcNow();
        return Reply.Text(t.Get(
            hours!.Contains(now, zone) ? "quiet.setNow" : "quiet.set",
            ("window", hours.ToString()),
            ("zone", zoneName),
            ("end", t.Clock(hours.End))));
    }

    private Reply Show(ChatRecord? chat, string zoneName, Texts t)
    {
        if (chat?.Quiet is not { } hours)
        {
            return Reply.Text(t.Get("quiet.none", ("zone", zoneName)));
        }

        var now = time.GetUtcNow();
        var zone = ChatZone.Of(chat);
        var local = t.Clock(TimeZoneInfo.ConvertTime(now, zone));
        return Reply.Text(t.Get(
            hours.Contains(now, zone) ? "quiet.showNow" : "quiet.showOutside",
            ("window", hours.ToString()),
            ("zone", zoneName),
            ("time", local),
            ("end", t.Clock(hours.End))));
    }
}
