namespace NewsBot.Tests.Commands;

/// <summary>/subscribe answers with a preview first; Subscribe (or /subscribe confirm n) makes the subscription, once.</summary>
public sealed class SubscriptionPreviewTests : BotTest
{
    private const string Group = "telegram:-1002";

    [Fact]
    public async Task Preview_CountsTheLastSevenDays_ShowsTheNewestThree_AndSubscribesNothingYet()
    {
        var wire = Bot.Source("Daily Circuit", "technology");
        await Bot.IngestAsync(wire,
            TestBot.Entry("Robot kitchens open", hoursAgo: 1),
            TestBot.Entry("Robot vacuums learn stairs", hoursAgo: 2),
            TestBot.Entry("Robot lawnmowers recalled", hoursAgo: 3),
            TestBot.Entry("Robot chess champion retires", hoursAgo: 4),
            TestBot.Entry("Robot history exhibition", hoursAgo: 24 * 8));

        var preview = await Bot.ReplyToAsync("/subscribe robot");
        var text = Flat.Text(NewsBot.Platforms.Terminal.TerminalRenderer.Render(preview!, TestBot.Now));

        Expect.ContainsAll(text, "Preview: words robot, as they arrive", "In the last 7 days this would have brought 4 stories", "Robot kitchens open", "Robot vacuums learn stairs", "Robot lawnmowers recalled", "/subscribe confirm 1");
        Assert.DoesNotContain("Robot chess champion", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Robot history", text, StringComparison.Ordinal);
        Assert.Equal(["/subscribe confirm 1", "/subscribe cancel 1"], preview!.Buttons.Select(b => b.Command));
        Assert.All(preview.Buttons, b => Assert.Equal(ButtonKind.Confirm, b.Kind));
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task TypedConfirm_InTheTerminal_Subscribes_AndASecondConfirmAddsNothing()
    {
        var chat = new NewsBot.Platforms.Terminal.TerminalChat(Bot.Get<CommandRouter>(), Bot.Get<LanguageChoice>(), Bot.Time, NullLogger<NewsBot.Platforms.Terminal.TerminalChat>.Instance);
        var output = new StringWriter();

        await chat.RunAsync(new StringReader("/subscribe science daily 07:30\n/subscribe confirm 1\n/subscribe confirm 1\n/subscriptions\n"), output, interactive: false, CancellationToken.None);

        var transcript = Flat.Text(output.ToString());
        Expect.ContainsAll(transcript,
            "Preview: topic science, daily digest at 07:30",
            "[Subscribe: /subscribe confirm 1]",
            "type /subscribe confirm 1",
            "Subscribed (#1): topic science, daily digest at 07:30.",
            "The first digest comes",
            "Already done: this is subscription #1.");
        Assert.Single(await Bot.Get<ISubscriptionStore>().ListForChatAsync(NewsBot.Platforms.Terminal.TerminalChat.Chat.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_SubscribesNothing_AndTheCancelledPreviewCannotBeConfirmed()
    {
        await Bot.SendAsync("/subscribe glacier");

        Assert.Contains("Cancelled; nothing was subscribed.", Flat.Text(await Bot.SendAsync("/subscribe cancel 1")), StringComparison.Ordinal);
        Assert.Contains("This preview was cancelled.", Flat.Text(await Bot.SendAsync("/subscribe confirm 1")), StringComparison.Ordinal);
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task AnotherPerson_OrAnotherChat_CannotConfirm()
    {
        await Bot.SendAsync("/subscribe glacier", ChatKind.Group, user: "telegram:7", chat: Group);

        var otherAdmin = await Bot.ReplyToAsync("/subscribe confirm 1", ChatKind.Group, user: "telegram:8", chat: Group);
        var otherChat = await Bot.ReplyToAsync("/subscribe confirm 1", user: "telegram:7", chat: "telegram:7");

        Assert.True(otherAdmin!.IsProblem);
        Assert.Contains("Only the person who asked for this preview", Flat.Text(otherAdmin.Blocks.OfType<TextBlock>().First().Text), StringComparison.Ordinal);
        Assert.True(otherChat!.IsProblem);
        Assert.Contains("belongs to another chat", otherChat.Blocks.OfType<TextBlock>().First().Text, StringComparison.Ordinal);
        Assert.Empty(await Stored(Group));
        Assert.Empty(await Stored("telegram:7"));

        Assert.Contains("Subscribed (#1)", Flat.Text(await Bot.SendAsync("/subscribe confirm 1", ChatKind.Group, user: "telegram:7", chat: Group)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APreview_ExpiresAfterFifteenMinutes()
    {
        await Bot.SendAsync("/subscribe glacier");
        Bot.Time.Advance(SubscriptionPreviews.Lifetime);

        var late = await Bot.SendAsync("/subscribe confirm 1");

        Assert.Contains("This preview has expired (previews last 15 minutes). Type /subscribe glacier again.", Flat.Text(late!), StringComparison.Ordinal);
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task AnUnknownPreview_SaysHowToStartAgain()
    {
        Assert.Contains("There is no preview #42 waiting.", Flat.Text(await Bot.SendAsync("/subscribe confirm 42")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmsAtTheSameMoment_MakeOneSubscription()
    {
        await Bot.SendAsync("/subscribe glacier");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => Bot.SendAsync("/subscribe confirm 1"))));

        Assert.Single(answers, a => Flat.Text(a).Contains("Subscribed (#1)", StringComparison.Ordinal));
        Assert.Single(await Stored());
    }

    [Fact]
    public async Task MoreThanFiftyADay_GetsAWarningToNarrowIt()
    {
        var wire = Bot.Source("Busy Wire");
        await Bot.IngestAsync(wire, Enumerable.Range(0, 360).Select(i => TestBot.Entry($"Market report number {i}", hoursAgo: 1 + (i % 150), id: "m" + i)).ToArray());

        var busy = Flat.Text(await Bot.SendAsync("/subscribe market"));
        var calm = Flat.Text(await Bot.SendAsync("/subscribe \"number 7\""));

        Assert.Contains("That is about 51 a day, more than 50", Flat.Text(busy!), StringComparison.Ordinal);
        Assert.DoesNotContain("a day, more than", calm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APreviewOfNothing_SaysNewMatchesStillCome()
    {
        Assert.Contains("Nothing from the last 7 days would have matched.", Flat.Text(await Bot.SendAsync("/subscribe zeppelin")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASourceQuery_IsPreviewedAgainstTheSourcesNames()
    {
        await Bot.IngestAsync(Bot.Source("Daily Circuit"), TestBot.Entry("Chip plant opens", hoursAgo: 1));
        await Bot.IngestAsync(Bot.Source("Open Lab Notes"), TestBot.Entry("Chip shortage eases", hoursAgo: 1));

        var preview = Flat.Text(await Bot.SendAsync("/subscribe source:\"Daily Circuit\" chip"));

        Expect.ContainsAll(preview!, "brought 1 story", "Chip plant opens");
        Assert.DoesNotContain("Chip shortage", preview, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/subscribe solar author:smith", "There is no field author: (at character 7)")]
    [InlineData("/subscribe (solar OR wind", "The ( at character 1 is never closed")]
    [InlineData("/subscribe /(?=x)solar/", "look-arounds")]
    public async Task AMistake_IsShownWhereItIs_AndNothingIsPreviewed(string command, string expected)
    {
        var answer = await Bot.ReplyToAsync(command);

        Assert.True(answer!.IsProblem);
        Assert.Contains(expected, answer.Blocks.OfType<TextBlock>().Single().Text, StringComparison.Ordinal);
        Assert.Empty(answer.Buttons);
    }

    private Task<IReadOnlyList<Subscription>> Stored(string chat = "telegram:1") =>
        Bot.Get<ISubscriptionStore>().ListForChatAsync(chat, CancellationToken.None).AsTask();
}
