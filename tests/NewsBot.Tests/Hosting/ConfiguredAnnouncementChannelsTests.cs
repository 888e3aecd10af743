namespace NewsBot.Tests.Hosting;

public sealed class ConfiguredAnnouncementChannelsTests
{
    [Fact]
    public void Channels_OfBothPlatforms_BecomeChatAddresses()
    {
        var channels = ChannelsOf(new Dictionary<string, string?>
        {
            ["Telegram:AnnouncementChannels:0"] = "@newsbot_news",
            ["Telegram:AnnouncementChannels:1"] = " -1001234567890 ",
            ["Discord:AnnouncementChannels:0"] = "81234",
            ["Discord:AnnouncementChannels:1"] = "",
        });

        Assert.Equal(
            [new ChatAddress("telegram", "@newsbot_news"), new ChatAddress("telegram", "-1001234567890"), new ChatAddress("discord", "81234")],
            channels);
    }

    [Fact]
    public void NoChannelsConfigured_MeansNone()
    {
        Assert.Empty(ChannelsOf([]));
    }

    /// <summary>The channels as the service host reads them, through the platforms' bound options.</summary>
    private static IReadOnlyList<ChatAddress> ChannelsOf(Dictionary<string, string?> settings)
    {
        using var data = new TempDirectory();
        settings["NewsBot:DataDirectory"] = data.Path;
        using var host = NewsBotHost.CreateBuilder(HostMode.Service, c => c.AddInMemoryCollection(settings)).Build();
        return host.Services.GetRequiredService<IAnnouncementChannels>().All;
    }
}
