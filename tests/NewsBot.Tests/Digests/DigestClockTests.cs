namespace NewsBot.Tests.Digests;

public sealed class DigestClockTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeOnly Eight = new(8, 0);
    private static readonly TimeOnly HalfPastTwo = new(2, 30);
    private static readonly TimeOnly HalfPastOne = new(1, 30);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Due_AtEightBerlinTime_NotAMinuteBefore()
    {
        var subscribed = Utc(11, 28, 12); // 13:00 in Berlin

        AssertFirstDueAt(Eight, Berlin, subscribed, Utc(11, 29, 7), new DateOnly(2026, 11, 29));
        Assert.Equal(Utc(11, 29, 7), DigestClock.NextDue(Eight, Berlin, subscribed, Utc(11, 28, 12, 1)));
    }

    [Fact]
    public void Due_InSummer_FollowsBerlinSummerTime()
    {
        var subscribed = Utc(6, 1, 12);

        AssertFirstDueAt(Eight, Berlin, subscribed, Utc(6, 2, 6), new DateOnly(2026, 6, 2));
    }

    [Fact]
    public void SpringForwardInBerlin_SkippedHalfPastTwo_IsDueWhenTheClockResumesAtThree()
    {
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
        var after = Utc(3, 28, 20);

        AssertFirstDueAt(HalfPastTwo, Berlin, after, Utc(3, 29, 1), new DateOnly(2026, 3, 29));
    }

    [Fact]
    public void FallBackInBerlin_RepeatedHalfPastTwo_IsDueOnce()
    {
        // 25 October 2026: 03:00 CEST falls back to 02:00 CET at 01:00 UTC; 02:30 happens at 00:30 and 01:30 UTC.
        var after = Utc(10, 24, 20);
        var firstRun = Utc(10, 25, 0, 30);

        Assert.Equal(new DateOnly(2026, 10, 25), DigestClock.DueDate(HalfPastTwo, Berlin, after, firstRun));
        Assert.Null(DigestClock.DueDate(HalfPastTwo, Berlin, firstRun, Utc(10, 25, 1, 30)));
        Assert.Equal(Utc(10, 26, 1, 30), DigestClock.NextDue(HalfPastTwo, Berlin, firstRun, Utc(10, 25, 1, 30)));
    }

    [Fact]
    public void SpringForwardInNewYork_SkippedHalfPastTwo_IsDueAtThreeEasternDaylightTime()
    {
        // 8 March 2026: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
        var after = Utc(3, 7, 20);

        AssertFirstDueAt(HalfPastTwo, NewYork, after, Utc(3, 8, 7), new DateOnly(2026, 3, 8));
    }

    [Fact]
    public void FallBackInNewYork_RepeatedHalfPastOne_IsDueOnce()
    {
        // 1 November 2026: 02:00 EDT falls back to 01:00 EST at 06:00 UTC; 01:30 happens at 05:30 and 06:30 UTC.
        var after = Utc(10, 31, 20);
        var firstRun = Utc(11, 1, 5, 30);

        AssertFirstDueAt(HalfPastOne, NewYork, after, firstRun, new DateOnly(2026, 11, 1));
        Assert.Null(DigestClock.DueDate(HalfPastOne, NewYork, firstRun, Utc(11, 1, 6, 30)));
        Assert.Equal(Utc(11, 2, 6, 30), DigestClock.NextDue(HalfPastOne, NewYork, firstRun, Utc(11, 1, 6, 30)));
    }

    [Fact]
    public void MissedWhileDown_SameLocalDay_IsStillDue()
    {
        var lastRun = Utc(11, 27, 7); // yesterday's digest, 08:00 Berlin
        var restart = Utc(11, 28, 10); // 11:00 Berlin, three hours after today's digest time

        Assert.Equal(new DateOnly(2026, 11, 28), DigestClock.DueDate(Eight, Berlin, lastRun, restart));
    }

    [Fact]
    public void MissedWhileDown_ADayThatIsOver_IsNotSentLate_TodaysComesOnTime()
    {
        var lastRun = Utc(11, 26, 7);
        var restart = Utc(11, 28, 5); // 06:00 Berlin: the 27th's digest was missed, the 28th's is not due yet

        Assert.Null(DigestClock.DueDate(Eight, Berlin, lastRun, restart));
        Assert.Equal(Utc(11, 28, 7), DigestClock.NextDue(Eight, Berlin, lastRun, restart));
        Assert.Equal(new DateOnly(2026, 11, 28), DigestClock.DueDate(Eight, Berlin, lastRun, Utc(11, 28, 7)));
    }

    [Fact]
    public void SubscribedAfterTodaysTime_FirstDigestIsTomorrow()
    {
        var subscribed = Utc(11, 28, 12); // 13:00 Berlin, after 08:00

        Assert.Null(DigestClock.DueDate(Eight, Berlin, subscribed, Utc(11, 28, 12, 30)));
        Assert.Equal(Utc(11, 29, 7), DigestClock.NextDue(Eight, Berlin, subscribed, Utc(11, 28, 12, 30)));
    }

    /// <summary>A digest at <paramref name="time"/> in <paramref name="zone"/>, last sent or subscribed at <paramref name="after"/>, is due for <paramref name="date"/> at <paramref name="dueAt"/> and not a minute before.</summary>
    private static void AssertFirstDueAt(TimeOnly time, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset dueAt, DateOnly date)
    {
        Assert.Null(DigestClock.DueDate(time, zone, after, dueAt.AddMinutes(-1)));
        Assert.Equal(date, DigestClock.DueDate(time, zone, after, dueAt));
    }
}
