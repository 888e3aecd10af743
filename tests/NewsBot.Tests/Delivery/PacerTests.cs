using static NewsBot.Tests.Delivery.DefaultPacing;

namespace NewsBot.Tests.Delivery;

public sealed class PacerTests
{
    [Fact]
    public void Reserve_ManyChats_NeverMoreThanTheGlobalRate()
    {
        var pacer = new Pacer(TelegramLimits);

        var times = Enumerable.Range(0, 300).Select(i => pacer.Reserve($"telegram:{i}", isGroup: false, Now)).ToList();

        Assert.Equal(Now, times[0]);
        for (var i = 30; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 30] >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1), $"more than 30 in a second at {i}");
        }

        Assert.InRange((times[^1] - Now).TotalSeconds, 9, 10);
    }

    [Fact]
    public void Reserve_ManyChats_SpreadsTheGlobalRateEvenly_SoNoBurstEverExceedsIt()
    {
        var pacer = new Pacer(TelegramLimits);

        var times = Enumerable.Range(0, 90).Select(i => pacer.Reserve($"telegram:{i}", isGroup: false, Now)).ToList();

        for (var i = 1; i < times.Count; i++)
        {
            Assert.InRange((times[i] - times[i - 1]).TotalMilliseconds, 33.3, 33.4);
        }
    }

    [Fact]
    public void Reserve_OneChat_AtMostOnePerSecond_GroupsTwentyPerMinute()
    {
        var pacer = new Pacer(TelegramLimits);

        var person = Enumerable.Range(0, 5).Select(_ => pacer.Reserve("telegram:1", isGroup: false, Now)).ToList();
        var group = Enumerable.Range(0, 21).Select(_ => pacer.Reserve("telegram:-100", isGroup: true, Now)).ToList();

        Assert.Equal(TimeSpan.FromSeconds(4), person[^1] - person[0]);
        Assert.True(group[20] - group[0] >= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Hold_OneChat_DelaysOnlyThatChat()
    {
        var pacer = new Pacer(TelegramLimits);

        pacer.Hold("telegram:1", Now.AddSeconds(30));

        Assert.Equal(Now.AddSeconds(30), pacer.Reserve("telegram:1", false, Now));
        Assert.True(pacer.Reserve("telegram:2", false, Now) < Now.AddSeconds(1));
    }

    [Fact]
    public void HoldAll_DelaysEveryChat()
    {
        var pacer = new Pacer(TelegramLimits);

        pacer.HoldAll(Now.AddSeconds(12));

        Assert.Equal(Now.AddSeconds(12), pacer.Reserve("telegram:9", false, Now));
    }

    [Fact]
    public void Forget_IdleChats_AreDropped()
    {
        var pacer = new Pacer(TelegramLimits);
        pacer.Reserve("telegram:1", false, Now);

        Assert.Equal(1, pacer.Forget(Now.AddMinutes(1)));
    }
}
