namespace NewsBot.Tests.Fakes;

/// <summary>Answers a /subscribe preview on the fake Bot API as a person would: by pressing its Subscribe button.</summary>
public static class TelegramPreviews
{
    /// <summary>Waits for the preview in <paramref name="chatId"/>, presses Subscribe as <paramref name="userId"/>, and returns the answer to the press.</summary>
    public static async Task<TelegramRequest> ConfirmAsync(FakeTelegramServer server, long chatId, long userId)
    {
        ArgumentNullException.ThrowIfNull(server);
        var preview = await PreviewAsync(server, chatId);
        var confirm = Confirm(preview);
        var under = server.Sent.Last(m => m.ChatId == chatId && m.ReplyMarkup?.ToJsonString().Contains(confirm, StringComparison.Ordinal) == true);
        var before = server.Calls("sendMessage").Count(r => r.ChatId == chatId);
        server.Enqueue(TelegramUpdates.Callback(under, userId, confirm));
        await Eventually.WaitUntilAsync(() => server.Calls("sendMessage").Count(r => r.ChatId == chatId && r.Succeeded) > before, "the answer to Subscribe");
        return server.Calls("sendMessage").Last(r => r.ChatId == chatId && r.Succeeded);
    }

    /// <summary>When <paramref name="answer"/> is a preview, presses its Subscribe as <paramref name="userId"/> and returns the answer to that; otherwise <paramref name="answer"/>.</summary>
    public static async Task<TelegramRequest> ConfirmIfPreviewAsync(FakeTelegramServer server, TelegramRequest answer, long userId)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(answer);
        var confirm = answer.Buttons.FirstOrDefault(b => b.Data?.StartsWith("c:/subscribe ", StringComparison.Ordinal) == true && b.Data.Contains(" confirm ", StringComparison.Ordinal)).Data;
        if (confirm is null || answer.ChatId is not { } chatId)
        {
            return answer;
        }

        var under = server.Sent.Last(m => m.ChatId == chatId && m.ReplyMarkup?.ToJsonString().Contains(confirm, StringComparison.Ordinal) == true);
        var before = server.Calls("sendMessage").Count(r => r.ChatId == chatId && r.Succeeded);
        server.Enqueue(TelegramUpdates.Callback(under, userId, confirm));
        await Eventually.WaitUntilAsync(() => server.Calls("sendMessage").Count(r => r.ChatId == chatId && r.Succeeded) > before, "the answer to Subscribe");
        return server.Calls("sendMessage").Where(r => r.ChatId == chatId && r.Succeeded).Skip(before).First();
    }

    public static Task<TelegramRequest> PreviewAsync(FakeTelegramServer server, long chatId)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.WaitForAsync("sendMessage", r => r.ChatId == chatId && r.Succeeded && r.Buttons.Any(b => b.Data?.StartsWith("c:/subscribe confirm ", StringComparison.Ordinal) == true));
    }

    /// <summary>The Subscribe button's payload.</summary>
    public static string Confirm(TelegramRequest preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return preview.Buttons.First(b => b.Data?.StartsWith("c:/subscribe confirm ", StringComparison.Ordinal) == true).Data!;
    }
}
