using NewsBot.Core.Digests;

namespace NewsBot.Core.Commands;

/// <summary>The answer to a subscription just made: what it follows, when a digest first comes, and an Undo button.</summary>
public static class SubscribedReply
{
    public static Reply Build(Subscription added, ChatRecord? chat, bool emptyTopic, DateTimeOffset now, Texts t)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(t);
        var blocks = new List<ReplyBlock> { new TextBlock(t.Get("subscribe.done", ("id", added.Id), ("subscription", SubscriptionText.Describe(added, t)))) };
        if (added.Mode == DeliveryMode.Daily && added.DailyAt is { } dailyAt)
        {
            var zone = ChatZone.Of(chat);
            var zoneName = ChatZone.NameOf(chat);
            var first = LocalClock.Next(dailyAt, zone, added.CreatedAt);
            var local = TimeZoneInfo.ConvertTime(first, zone);
            var today = DigestClock.LocalDate(first, zone) == DigestClock.LocalDate(now, zone);
            blocks.Add(new TextBlock(
                t.Get(today ? "subscribe.firstToday" : "subscribe.firstTomorrow", ("time", t.Clock(local)), ("zone", zoneName), ("until", t.Until(first, now))),
                TextStyle.Hint));
            blocks.Add(new TextBlock(t.Get("subscribe.zoneHint", ("zone", zoneName)), TextStyle.Hint));
        }
        else if (emptyTopic)
        {
            blocks.Add(new TextBlock(t.Get("subscribe.emptyTopic", ("topic", t.Topic(added.Query))), TextStyle.Hint));
        }

        blocks.Add(new TextBlock(t.Get("subscribe.listHint"), TextStyle.Hint));
        return new Reply { Blocks = blocks, Buttons = [ReplyButton.ForCommand(t.Get("button.undo"), $"/unsubscribe {added.Id}")] };
    }
}
