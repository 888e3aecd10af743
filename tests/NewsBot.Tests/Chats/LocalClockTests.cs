namespace NewsBot.Tests.Chats;

public sealed class LocalClockTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public void Next_LaterToday_ThenTomorrow()
    {
        var morning = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero); // 07:00 in Berlin

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero), LocalClock.Next(new TimeOnly(8, 0), Berlin, morning));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 5, 0, 0, TimeSpan.Zero), LocalClock.Next(new TimeOnly(6, 0), Berlin, morning));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero), LocalClock.Next(new TimeOnly(8, 0), Tokyo, morning));
    }

    [Fact]
    public void Next_ExactlyNow_IsTheNextDay()
    {
        var eight = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(eight.AddDays(1), LocalClock.Next(new TimeOnly(8, 0), Berlin, eight));
    }

    [Fact]
    public void Next_SpringForwardGap_GoesOutWhenTheClockResumes()
    {
        // 29 March 2026: Berlin clocks jump from 02:00 to 03:00 (01:00 UTC).
        var evening = new DateTimeOffset(2026, 3, 28, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), LocalClock.Next(new TimeOnly(2, 30), Berlin, evening));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), LocalClock.Next(new TimeOnly(8, 0), Berlin, evening));
    }

    [Fact]
    public void Next_FallBack_GoesOutOnceAtTheFirstOccurrence()
    {
        // 25 October 2026: Berlin clocks fall back from 03:00 to 02:00 (01:00 UTC).
        var evening = new DateTimeOffset(2026, 10, 24, 20, 0, 0, TimeSpan.Zero);

        var first = LocalClock.Next(new TimeOnly(2, 30), Berlin, evening);
        var after = LocalClock.Next(new TimeOnly(2, 30), Berlin, first);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), after);
    }

    [Theory]
    [InlineData("22:00-07:00", 21, false)]
    [InlineData("22:00-07:00", 22, true)]
    [InlineData("22:00-07:00", 3, true)]
    [InlineData("22:00-07:00", 7, false)]
    [InlineData("12:00-14:00", 13, true)]
    [InlineData("12:00-14:00", 15, false)]
    public void QuietHours_Contains_HandlesWindowsAcrossMidnight(string window, int localHour, bool inside)
    {
        Assert.True(QuietHours.TryParse(window, out var hours));
        var instant = new DateTimeOffset(2026, 11, 28, localHour, 0, 0, TimeSpan.FromHours(1)); // Berlin is UTC+1 in November

        Assert.Equal(inside, hours!.Contains(instant, Berlin));
    }

    [Fact]
    public void QuietHours_ReleaseAt_IsTheEndOfTheWindow()
    {
        Assert.True(QuietHours.TryParse("22:00-07:00", out var hours));
        var night = new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.FromHours(1)), hours!.ReleaseAt(night, Berlin));
        Assert.Equal(night.AddHours(-10), hours.ReleaseAt(night.AddHours(-10), Berlin));
    }

    [Theory]
    [InlineData("22:00")]
    [InlineData("25:00-07:00")]
    [InlineData("07:00-07:00")]
    [InlineData("night")]
    public void QuietHours_TryParse_RejectsNonsense(string text)
    {
        Assert.False(QuietHours.TryParse(text, out _));
    }
}
