namespace NewsBot.Tests.Roles;

/// <summary>The fake Bot API's ceiling per second, which the scale-out tests rely on to catch instances sending too fast.</summary>
public sealed class SendCeilingTests
{
    [Fact]
    public async Task ASendOverTheCeiling_IsRefusedWithAFloodWait_AndTheNextSecondIsAcceptedAgain()
    {
        var clock = new FakeTimeProvider(TestBot.Now);
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.Clock = clock;
        telegram.Ceiling = new SendCeiling(2, clock);
        using var http = new HttpClient();

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await SendAsync(http, telegram));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        statuses.Add(await SendAsync(http, telegram));

        Assert.Equal([200, 200, 429, 200], statuses);
        Assert.Equal(1, telegram.Ceiling.Refused);
        Assert.Equal((2, TestBot.Now), telegram.Ceiling.BusiestSecond());
    }

    private static async Task<int> SendAsync(HttpClient http, FakeTelegramServer telegram)
    {
        using var body = new StringContent("""{"chat_id": 42, "text": "hello"}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"{telegram.BaseUrl}/bot{FakeTelegramServer.Token}/sendMessage", body);
        return (int)response.StatusCode;
    }
}
