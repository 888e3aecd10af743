namespace NewsBot.Tests.Delivery;

public sealed class DeliveryOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndTelegramsPublishedCeilings()
    {
        var options = new DeliveryOptions();

        Assert.True(new DeliveryOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new PacingLimits(30, 1, 20), options.LimitsFor("telegram"));
        Assert.True(options.LimitsFor("discord").GlobalPerSecond < 50);
    }

    [Fact]
    public void Settings_AreBoundFromTheDeliverySection_AndUsedByThePacer()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delivery:Telegram:MessagesPerSecond"] = "10",
            ["Delivery:Telegram:PerChatPerSecond"] = "0.5",
            ["Delivery:MaxConcurrentSends"] = "2",
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName).Services
            .BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        var pacer = new Pacer(options.LimitsFor("telegram"));
        var now = TestNow;
        var first = pacer.Reserve("telegram:2", false, now);
        var other = pacer.Reserve("telegram:3", false, now);
        var again = pacer.Reserve("telegram:2", false, now);

        Assert.Equal(new PacingLimits(10, 0.5, 20), options.LimitsFor("telegram"));
        Assert.Equal(2, options.MaxConcurrentSends);
        Assert.Equal(now, first);
        Assert.Equal(now.AddSeconds(0.1), other);
        Assert.Equal(now.AddSeconds(2), again);
    }

    [Theory]
    [InlineData("Telegram", "MessagesPerSecond", 0)]
    [InlineData("Telegram", "PerChatPerSecond", -1)]
    [InlineData("Discord", "PerGroupPerMinute", double.NaN)]
    public void Validate_NonPositiveRate_NamesTheKey(string platform, string key, double value)
    {
        var options = new DeliveryOptions();
        var pacing = platform == "Telegram" ? options.Telegram : options.Discord;
        typeof(PlatformPacing).GetProperty(key)!.SetValue(pacing, value);

        var result = new DeliveryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Delivery:{platform}:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoConcurrentSends_NamesTheKey()
    {
        var result = new DeliveryOptionsValidator().Validate(null, new DeliveryOptions { MaxConcurrentSends = 0 });

        Assert.Contains("Delivery:MaxConcurrentSends", result.FailureMessage, StringComparison.Ordinal);
    }

    private static DateTimeOffset TestNow => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
}
