namespace NewsBot.Core.Commands.Handlers;

/// <summary><c>/quiet 22:00-07:00</c>, <c>/quiet off</c>, <c>/quiet</c>: a nightly window in which instant pushes wait.</summary>
public sealed class QuietHandler(ChatLifecycle chats, TimeProvider time) : ICommandHandler
{
    private static readonly string[] OffWords = ["off", "none", "stop", "no"];

    public CommandInfo Command => CommandCatalog.Quiet;

    public async ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var wanted = request.Arguments.Trim();
        var chat = chats.Find(request.Message.Chat);
        var zoneName = ChatZone.NameOf(chat);
        if (wanted.Length == 0)
        {
            return Show(chat, zoneName);
        }

        if (OffWords.Contains(wanted, StringComparer.OrdinalIgnoreCase))
        {
            if (chat?.Quiet is null)
            {
                return Reply.Text("This chat has no quiet hours; pushes arrive whenever there is news.");
            }

            await chats.SetQuietHoursAsync(request.Message.Chat, null, cancellationToken).ConfigureAwait(false);
            return Reply.Text("Quiet hours are off: pushes arrive whenever there is news. Anything held so far goes out at the end of the window it was held for.");
        }

        if (!QuietHours.TryParse(wanted, out var hours))
        {
            var shown = wanted.Length <= 40 ? wanted : wanted[..40] + "…";
            return Reply.Problem($"'{shown}' is not a quiet window. Write two times on a 24-hour clock, like /quiet 22:00-07:00 (it may span midnight), or /quiet off.");
        }

        await chats.ReactivateAsync(request.Message.Chat, request.Message.ChatKind, request.Message.ChatTitle, cancellationToken).ConfigureAwait(false);
        await chats.SetQuietHoursAsync(request.Message.Chat, hours, cancellationToken).ConfigureAwait(false);
        var zone = ChatZone.Of(chat);
        var now = time.GetUtcNow();
        var state = hours!.Contains(now, zone)
            ? $" It is quiet now; pushes wait until {Clock(hours.End)}."
            : string.Empty;
        return Reply.Text(
            $"Quiet hours set: {hours} in {zoneName}. New articles for this chat's instant subscriptions wait until {Clock(hours.End)} and then come together; digests and announcements are not held.{state} /quiet off ends them; /timezone changes the zone.");
    }

    private Reply Show(ChatRecord? chat, string zoneName)
    {
        if (chat?.Quiet is not { } hours)
        {
            return Reply.Text($"This chat has no quiet hours; pushes arrive whenever there is news. Set some with /quiet 22:00-07:00 (times in {zoneName}; /timezone changes it).");
        }

        var now = time.GetUtcNow();
        var zone = ChatZone.Of(chat);
        var local = TimeZoneInfo.ConvertTime(now, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var state = hours.Contains(now, zone)
            ? $"It is quiet now (local time {local}); pushes wait until {Clock(hours.End)}."
            : $"It is {local} there, outside the window.";
        return Reply.Text($"Quiet hours: {hours} in {zoneName}. {state} Instant pushes wait until the window ends; digests and announcements are not held. /quiet off ends them.");
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
