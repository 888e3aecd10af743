namespace NewsBot.Tests.Platforms.Telegram;

/// <summary>Updates in, Bot API requests out: every command and button, through the real client and host.</summary>
public sealed class TelegramConversationTests(TelegramBotFixture fixture) : IClassFixture<TelegramBotFixture>
{
    private FakeTelegramServer Telegram => fixture.Telegram;

    public static TheoryData<string, string> EveryCommand()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in CommandCatalog.All)
        {
            data.Add(command.Name, command.Examples[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task Command_InAPrivateChat_IsAnsweredWithValidHtml(string name, string example)
    {
        var chat = ChatFor(name);
        Telegram.Enqueue(TelegramChats.Say(chat, example, userId: chat));

        var sent = await Telegram.WaitForSendAsync(chat);

        Assert.True(sent.IsHtml, "parse_mode is HTML");
        var visible = TelegramRendererTests.VisibleText(sent.Text!);
        Assert.DoesNotContain("I don't know", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", visible, StringComparison.Ordinal);
        Assert.Null(sent.Body["reply_parameters"]); // private chats are not threaded replies
        if (name == "read")
        {
            Assert.Contains(sent.Buttons, b => b.Data == "t:/bookmark 42");
        }
    }

    [Fact]
    public async Task Latest_ListsArticlesWithPreviewsOffAndAMoreButton()
    {
        Telegram.Enqueue(TelegramChats.Say(3001, "/latest"));

        var sent = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 3001);

        Assert.Contains("<b>Latest news — page 1 of", sent.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://", sent.Text, StringComparison.Ordinal);
        Assert.True((bool?)sent.Body["link_preview_options"]?["is_disabled"]);
        Assert.Contains(sent.Buttons, b => b.Text == "More ▶" && b.Data == "p:/latest 2");
    }

    [Fact]
    public async Task MoreButton_TurnsThePageInPlace()
    {
        Telegram.Enqueue(TelegramChats.Say(3002, "/latest"));
        await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 3002);
        var list = Telegram.Sent.Single(m => m.ChatId == 3002);

        var pressed = Press(list, 3002, "p:/latest 2");

        var edit = await Telegram.WaitForAsync("editMessageText", r => r.ChatId == 3002);
        var answer = await Telegram.WaitForAsync("answerCallbackQuery", r => (string?)r.Body["callback_query_id"] == pressed);
        Assert.Equal(list.MessageId, (int?)edit.Body["message_id"]);
        Assert.Contains("page 2 of", edit.Text, StringComparison.Ordinal);
        Assert.Contains(edit.Buttons, b => b.Data == "p:/latest 1");
        Assert.Contains(edit.Buttons, b => b.Data == "p:/latest 3");
        Assert.True((bool?)edit.Body["link_preview_options"]?["is_disabled"]);
        Assert.NotNull(answer);
        Assert.Single(Telegram.Sent, m => m.ChatId == 3002);
    }

    [Fact]
    public async Task SaveButton_TogglesTheCardInPlace_WithAToast()
    {
        Telegram.Enqueue(TelegramChats.Say(3003, "/read 3", userId: 3003));
        await Telegram.WaitForAsync("sendPhoto", r => r.ChatId == 3003);
        var card = Telegram.Sent.Single(m => m.ChatId == 3003);

        Telegram.Enqueue(TelegramUpdates.Callback(card, 3003, "t:/bookmark 3"));
        var saved = await Telegram.WaitForAsync("editMessageReplyMarkup", r => r.ChatId == 3003);
        var savedToast = await Telegram.WaitForAsync("answerCallbackQuery", r => (string?)r.Body["text"] == "Saved");

        Assert.Equal(card.MessageId, (int?)saved.Body["message_id"]);
        Assert.Contains(saved.Buttons, b => b.Text == "★ Saved" && b.Data == "t:/unbookmark 3");
        Assert.Contains(saved.Buttons, b => b.Text == "Open" && b.Url is not null);
        Assert.NotNull(savedToast);

        var toggled = Telegram.Sent.Single(m => m.ChatId == 3003);
        Telegram.Enqueue(TelegramUpdates.Callback(toggled, 3003, "t:/unbookmark 3"));
        var removed = await Telegram.WaitForAsync("editMessageReplyMarkup", r => r.ChatId == 3003 && r.Buttons.Any(b => b.Data == "t:/bookmark 3"));
        await Telegram.WaitForAsync("answerCallbackQuery", r => (string?)r.Body["text"] == "Removed");

        Assert.Contains(removed.Buttons, b => b.Text == "☆ Save");
        Assert.Single(Telegram.Sent, m => m.ChatId == 3003);
        Assert.DoesNotContain(Telegram.Calls("sendMessage"), r => r.ChatId == 3003);
    }

    [Fact]
    public async Task CommandButton_NotAPage_IsAnsweredWithANewMessage()
    {
        Telegram.Enqueue(TelegramChats.Say(3004, "/start"));
        await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 3004);
        var welcome = Telegram.Sent.Single(m => m.ChatId == 3004);

        Telegram.Enqueue(TelegramUpdates.Callback(welcome, 3004, "/topics"));

        var topics = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 3004 && r.Text!.Contains("<b>Topics</b>", StringComparison.Ordinal));
        Assert.Contains(topics.Buttons, b => b.Data == "/topic technology");
        Assert.DoesNotContain(Telegram.Calls("editMessageText"), r => r.ChatId == 3004);
    }

    [Fact]
    public async Task CommandForAnotherBot_IsIgnored_ButOursIsAnswered()
    {
        Telegram.Enqueue(TelegramChats.Say(-1003005, "/latest@OtherBot", chatType: "supergroup"));
        Telegram.Enqueue(TelegramChats.Say(-1003005, "/help@" + FakeTelegramServer.BotUserName, chatType: "supergroup"));

        var help = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == -1003005);

        Assert.Contains("NewsBot commands", help.Text, StringComparison.Ordinal);
        Assert.NotNull(help.Body["reply_parameters"]?["message_id"]); // in a group the answer replies to the command
        Assert.Single(Telegram.Calls("sendMessage"), r => r.ChatId == -1003005);
    }

    [Fact]
    public async Task Subscribe_InAGroupByANonAdmin_IsRefusedPolitely()
    {
        const long group = -1003006;
        Telegram.SetMember(group, 61, "member");
        Telegram.Enqueue(TelegramChats.Say(group, "/subscribe technology", userId: 61, chatType: "supergroup"));

        var refusal = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == group);

        Assert.Contains("Only this chat's admins", refusal.Text, StringComparison.Ordinal);
        Assert.Single(Telegram.Calls("getChatMember"), r => r.ChatId == group && (long?)r.Body["user_id"] == 61);
        Assert.Empty(await fixture.Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:" + group, CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_InAGroupByAnAdmin_Works_AndTheAnswerIsCachedBriefly()
    {
        const long group = -1003007;
        Telegram.SetMember(group, 62, "administrator");
        Telegram.Enqueue(TelegramChats.Say(group, "/subscribe technology", userId: 62, chatType: "supergroup"));
        var subscribed = await TelegramPreviews.ConfirmAsync(Telegram, group, 62);
        Telegram.Enqueue(TelegramChats.Say(group, "/timezone Europe/Berlin", userId: 62, chatType: "supergroup"));

        var zone = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == group && r.Text!.Contains("Europe/Berlin", StringComparison.Ordinal));

        Assert.Contains("Subscribed (#", subscribed.Text, StringComparison.Ordinal);
        Assert.Contains("time zone is now", zone.Text, StringComparison.Ordinal);
        Assert.Single(Telegram.Calls("getChatMember"), r => r.ChatId == group);
    }

    [Fact]
    public async Task SubscribePreview_InAGroup_IsConfirmedOnce_ByItsAskerAlone()
    {
        const long group = -1003030;
        Telegram.SetMember(group, 91, "administrator");
        Telegram.SetMember(group, 92, "administrator");
        Telegram.Enqueue(TelegramChats.Say(group, "/subscribe source:\"Test Wire\" OR glacier", userId: 91, chatType: "supergroup"));

        var preview = await TelegramPreviews.PreviewAsync(Telegram, group);
        var confirm = TelegramPreviews.Confirm(preview);
        var under = Telegram.Sent.Last(m => m.ChatId == group);
        var byAnother = Press(under, 92, confirm);
        var refused = await Telegram.WaitForAsync("answerCallbackQuery", r => (string?)r.Body["callback_query_id"] == byAnother);
        var subscribed = await TelegramPreviews.ConfirmAsync(Telegram, group, 91);
        var again = Press(under, 91, confirm);
        await Telegram.WaitForAsync("sendMessage", r => r.ChatId == group && r.Text?.Contains("Already done", StringComparison.Ordinal) == true);

        Assert.Contains("Preview: words source:\"Test Wire\" OR glacier", preview.Text, StringComparison.Ordinal);
        Assert.Equal(["Subscribe", "Cancel"], preview.Buttons.Select(b => b.Text));
        Assert.Contains("Only the person who asked for this preview", (string?)refused.Body["text"], StringComparison.Ordinal);
        Assert.Contains("Subscribed (#", subscribed.Text, StringComparison.Ordinal);
        Assert.NotNull(again);
        Assert.Single(await fixture.Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:" + group, CancellationToken.None));
    }

    [Fact]
    public async Task ReadingCommand_InAGroup_DoesNotAskWhoIsAdmin()
    {
        const long group = -1003008;
        Telegram.Enqueue(TelegramChats.Say(group, "/topics", userId: 63, chatType: "supergroup"));

        await Telegram.WaitForAsync("sendMessage", r => r.ChatId == group);

        Assert.DoesNotContain(Telegram.Calls("getChatMember"), r => r.ChatId == group);
    }

    [Fact]
    public async Task PlainText_InAPrivateChat_IsASearch_AndInAGroupIsIgnored()
    {
        Telegram.Enqueue(TelegramChats.Say(-1003009, "zurich", chatType: "supergroup"));
        Telegram.Enqueue(TelegramChats.Say(-1003009, "/help", chatType: "supergroup"));
        Telegram.Enqueue(TelegramChats.Say(3009, "zurich"));

        var found = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 3009);
        // One chat's updates are handled in order: once the command after it is answered, the plain text has been handled too.
        var help = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == -1003009);

        Assert.Contains("result", found.Text, StringComparison.Ordinal);
        Assert.Contains("NewsBot commands", help.Text, StringComparison.Ordinal);
        Assert.Single(Telegram.Calls("sendMessage"), r => r.ChatId == -1003009);
    }

    [Fact]
    public async Task InlineQuery_OffersUpToTenMatchingArticles()
    {
        Telegram.Enqueue(TelegramUpdates.Inline(3010, "zurich"));

        var answer = await Telegram.WaitForAsync("answerInlineQuery");

        var results = answer.Body["results"]!.AsArray();
        Assert.InRange(results.Count, 1, 10);
        var first = results[0]!;
        Assert.Equal("article", (string?)first["type"]);
        Assert.Contains("Zürich", (string?)first["title"], StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://", (string?)first["input_message_content"]!["message_text"], StringComparison.Ordinal);
        Assert.Equal("html", ((string?)first["input_message_content"]!["parse_mode"])?.ToLowerInvariant());
    }

    [Fact]
    public async Task InlineQuery_WithASourceField_OffersThatSourcesArticlesOnly()
    {
        var update = TelegramUpdates.Inline(3014, "source:\"Daily Circuit\" zurich");
        var id = (string?)update["inline_query"]!["id"];
        Telegram.Enqueue(update);

        var answer = await Telegram.WaitForAsync("answerInlineQuery", r => (string?)r.Body["inline_query_id"] == id);

        var results = answer.Body["results"]!.AsArray();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.StartsWith("Daily Circuit", (string?)r!["description"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task InlineQuery_Empty_OffersTheNewestTen()
    {
        Telegram.Enqueue(TelegramUpdates.Inline(3011, ""));

        var answer = await Telegram.WaitForAsync("answerInlineQuery", r => r.Body["results"]!.AsArray().Count == 10);

        Assert.NotNull(answer);
    }

    [Fact]
    public async Task BotRemovedFromAGroup_MarksItInactive_AndAddingItBackReactivatesIt()
    {
        const long group = -1003012;
        var chats = fixture.Bot.Get<ChatLifecycle>();
        Telegram.Enqueue(TelegramChats.Say(group, "/topics", chatType: "supergroup"));
        await Telegram.WaitForAsync("sendMessage", r => r.ChatId == group);

        Telegram.Enqueue(TelegramUpdates.MyChatMember(group, 64, "member", "kicked"));
        await Eventually.WaitUntilAsync(() => chats.Find(ChatAddress.Parse("telegram:" + group)) is { Active: false }, "the group marked inactive");
        Assert.Contains("removed from the chat by", Shown.InEnglish(chats.Find(ChatAddress.Parse("telegram:" + group))!.InactiveReason), StringComparison.Ordinal);

        Telegram.Enqueue(TelegramUpdates.MyChatMember(group, 64, "left", "member"));
        await Eventually.WaitUntilAsync(() => chats.Find(ChatAddress.Parse("telegram:" + group)) is { Active: true }, "the group active again");
    }

    [Fact]
    public async Task UserBlocksTheBot_MarksThePrivateChatInactive()
    {
        var chats = fixture.Bot.Get<ChatLifecycle>();
        Telegram.Enqueue(TelegramChats.Say(3013, "/start", userId: 3013));
        await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 3013);

        Telegram.Enqueue(TelegramUpdates.MyChatMember(3013, 3013, "member", "kicked"));

        await Eventually.WaitUntilAsync(() => chats.Find(ChatAddress.Parse("telegram:3013")) is { Active: false } blocked && Shown.InEnglish(blocked.InactiveReason) == "blocked by the user", "the chat marked blocked");
    }

    [Fact]
    public async Task GroupBecomesASupergroup_KeepsItsSubscriptions()
    {
        const long group = -3014;
        const long supergroup = -1003014;
        Telegram.SetMember(group, 65, "creator");
        Telegram.Enqueue(TelegramChats.Say(group, "/subscribe science", userId: 65, chatType: "group"));
        await TelegramPreviews.ConfirmAsync(Telegram, group, 65);

        Telegram.Enqueue(TelegramUpdates.MigratedTo(group, supergroup, 65));
        Telegram.Enqueue(TelegramChats.Say(supergroup, "/subscriptions", userId: 65, chatType: "supergroup"));

        var list = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == supergroup);
        Assert.Contains("topic science", list.Text, StringComparison.Ordinal);
        Assert.Empty(await fixture.Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:" + group, CancellationToken.None));
    }

    [Fact]
    public async Task AnswerToAGroupThatMigratedMeanwhile_FollowsItToTheNewId()
    {
        const long group = -3015;
        const long supergroup = -1003015;
        Telegram.Fail("sendMessage", TelegramFailure.Api(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateTo: supergroup));
        Telegram.Enqueue(TelegramChats.Say(group, "/help", userId: 66, chatType: "group"));

        var sent = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == supergroup && r.Succeeded);

        Assert.Contains("NewsBot commands", sent.Text, StringComparison.Ordinal);
        Assert.True(fixture.Bot.Get<ChatLifecycle>().Find(ChatAddress.Parse("telegram:" + supergroup))?.Active);
    }

    [Fact]
    public async Task PhotoRefused_TheCardArrivesAsText()
    {
        Telegram.Fail("sendPhoto", TelegramFailure.Api(400, "Bad Request: wrong file identifier/HTTP URL specified"));
        Telegram.Enqueue(TelegramChats.Say(3016, "/read 3"));

        var text = await Telegram.WaitForAsync("sendMessage", r => r.ChatId == 3016);

        Assert.Contains("#3 · ", text.Text, StringComparison.Ordinal);
        Assert.Contains(text.Buttons, b => b.Data == "t:/bookmark 3");
    }

    [Fact]
    public async Task RefusedButtonPress_InAGroup_IsAToastForThePresserOnly()
    {
        const long group = -1003017;
        Telegram.SetMember(group, 67, "administrator");
        Telegram.SetMember(group, 68, "member");
        Telegram.Enqueue(TelegramChats.Say(group, "/subscribe sports", userId: 67, chatType: "supergroup"));
        var answer = await TelegramPreviews.ConfirmAsync(Telegram, group, 67);
        var subscribed = Telegram.Sent.Last(m => m.ChatId == group);
        var undo = answer.Buttons.Single(b => b.Text == "Undo").Data!;
        var sentBefore = Telegram.Calls("sendMessage").Count(r => r.ChatId == group);

        var pressed = Press(subscribed, 68, undo);

        var toast = await Telegram.WaitForAsync("answerCallbackQuery", r => (string?)r.Body["callback_query_id"] == pressed);
        Assert.Contains("Only this chat's admins", (string?)toast.Body["text"], StringComparison.Ordinal);
        Assert.True((bool?)toast.Body["show_alert"]);
        Assert.Equal(sentBefore, Telegram.Calls("sendMessage").Count(r => r.ChatId == group));
        Assert.Single(await fixture.Bot.Get<ISubscriptionStore>().ListForChatAsync("telegram:" + group, CancellationToken.None));
    }

    [Fact]
    public async Task PersonalList_AskedForInAGroup_GoesToThePersonsPrivateChat_WithANoteInTheGroup()
    {
        const long group = -1003021;
        Telegram.Enqueue(TelegramChats.Say(group, "/bookmarks", userId: 71, chatType: "supergroup"));

        var privately = await Telegram.WaitForSendAsync(71);
        var note = await Telegram.WaitForSendAsync(group);

        Assert.Contains("bookmarks", privately.Text!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sent that to you in our private chat", note.Text!, StringComparison.Ordinal);
        Assert.DoesNotContain("bookmarks", note.Text!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MyBookmarksButton_PressedInAGroup_ByAPersonWhoNeverStartedTheBot_IsAToast_NotAGroupPost()
    {
        const long group = -1003022;
        Telegram.NeverStarted(72);
        Telegram.Enqueue(TelegramChats.Say(group, "/read 3", userId: 73, chatType: "supergroup"));
        await Telegram.WaitForSendAsync(group);
        var card = Telegram.Sent.First(m => m.ChatId == group);
        var before = Telegram.Calls("sendMessage").Count(r => r.ChatId == group);

        var pressed = Press(card, 72, "/bookmarks");

        var toast = await Telegram.WaitForAsync("answerCallbackQuery", r => (string?)r.Body["callback_query_id"] == pressed);
        Assert.Contains("can't message you privately yet", (string?)toast.Body["text"], StringComparison.Ordinal);
        Assert.Contains("press Start", (string?)toast.Body["text"], StringComparison.Ordinal);
        Assert.Equal(before, Telegram.Calls("sendMessage").Count(r => r.ChatId == group));
        Assert.DoesNotContain(Telegram.Calls("sendPhoto"), r => r.ChatId == group && r.At > toast.At);
    }

    /// <summary>Presses a button; returns the callback query's id.</summary>
    private string Press(TelegramSentMessage under, long userId, string data)
    {
        var press = TelegramUpdates.Callback(under, userId, data);
        Telegram.Enqueue(press);
        return (string)press["callback_query"]!["id"]!;
    }

    private static long ChatFor(string command) => 2000 + CommandCatalog.All.ToList().FindIndex(c => c.Name == command);
}
