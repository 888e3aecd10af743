using Microsoft.Extensions.Configuration;
using NewsBot.Core.Chats;
using NewsBot.Hosting;

namespace NewsBot.Tests.Hosting;

public sealed class ConfiguredAnnouncementChannelsTests
{
    [Fact]
    public void Channels_OfBothPlatforms_BecomeChatAddresses()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:AnnouncementChannels:0"] = "@newsbot_news",
            ["Telegram:AnnouncementChannels:1"] = " -1001234567890 ",
            ["Discord:AnnouncementChannels:0"] = "81234",
            ["Discord:AnnouncementChannels:1"] = "",
        }).Build();

        var channels = new ConfiguredAnnouncementChannels(configuration).All;

        Assert.Equal(
            [new ChatAddress("telegram", "@newsbot_news"), new ChatAddress("telegram", "-1001234567890"), new ChatAddress("discord", "81234")],
            channels);
    }

    [Fact]
    public void NoChannelsConfigured_MeansNone()
    {
        Assert.Empty(new ConfiguredAnnouncementChannels(new ConfigurationBuilder().Build()).All);
    }
}
