using NewsBot.Core.Chats;
using NewsBot.Core.State;
using NewsBot.Core.Subscriptions;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

public sealed class ChatLifeAndStateTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void State_SetThenGet_ReturnsTheValue_AndUnknownIsNull()
    {
        var state = _bot.Get<IStateStore>();

        state.Set("telegram.offset", "42");
        state.Set("telegram.offset", "43");

        Assert.Equal("43", state.Get("telegram.offset"));
        Assert.Null(state.Get("discord.session"));
    }

    [Fact]
    public void State_SchemaName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _bot.Get<IStateStore>().Set("schema", "99"));
    }

    [Fact]
    public void MarkInactive_KnownChat_KeepsTheReasonUntilTouchedAgain()
    {
        var store = _bot.Get<IChatStore>();
        var chat = ChatAddress.Parse("telegram:-100");
        store.Touch(chat, ChatKind.Group, "Readers", TestBot.Now);

        Assert.True(store.MarkInactive(chat, "removed from the group", TestBot.Now));
        var inactive = store.Find(chat)!;
        Assert.False(inactive.Active);
        Assert.Equal("removed from the group", inactive.InactiveReason);
        Assert.Equal(0, store.CountActive());

        var back = store.Touch(chat, ChatKind.Group, "Readers", TestBot.Now.AddHours(1));
        Assert.True(back.Active);
        Assert.Null(back.InactiveReason);
    }

    [Fact]
    public void MarkInactive_UnknownChat_ReturnsFalse()
    {
        Assert.False(_bot.Get<IChatStore>().MarkInactive(ChatAddress.Parse("telegram:5"), "blocked", TestBot.Now));
    }

    [Fact]
    public void Migrate_GroupToSupergroup_MovesSettingsAndSubscriptions()
    {
        var chats = _bot.Get<IChatStore>();
        var subscriptions = _bot.Get<ISubscriptionStore>();
        var group = ChatAddress.Parse("telegram:-123");
        var supergroup = ChatAddress.Parse("telegram:-100123");
        chats.Touch(group, ChatKind.Group, "Readers", TestBot.Now);
        chats.SetTimeZone(group, "Europe/Berlin");
        subscriptions.Add(new Subscription(0, group.Key, SubscriptionKind.Topic, "science", DeliveryMode.Instant, null, "telegram:1", TestBot.Now));
        subscriptions.Add(new Subscription(0, "telegram:-999", SubscriptionKind.Topic, "sports", DeliveryMode.Instant, null, "telegram:1", TestBot.Now));

        chats.Migrate(group, supergroup, TestBot.Now.AddMinutes(1));
        chats.Migrate(group, supergroup, TestBot.Now.AddMinutes(2));

        var moved = chats.Find(supergroup)!;
        Assert.True(moved.Active);
        Assert.Equal("Europe/Berlin", moved.TimeZone);
        Assert.Equal("Readers", moved.Title);
        Assert.False(chats.Find(group)!.Active);
        Assert.Equal("science", Assert.Single(subscriptions.ListForChat(supergroup.Key)).Query);
        Assert.Empty(subscriptions.ListForChat(group.Key));
        Assert.Single(subscriptions.ListForChat("telegram:-999"));
    }

    [Fact]
    public void Migrate_TargetAlreadySeen_KeepsItsOwnTimeZone()
    {
        var chats = _bot.Get<IChatStore>();
        var group = ChatAddress.Parse("telegram:-123");
        var supergroup = ChatAddress.Parse("telegram:-100123");
        chats.Touch(group, ChatKind.Group, "Readers", TestBot.Now);
        chats.SetTimeZone(group, "Europe/Berlin");
        chats.Touch(supergroup, ChatKind.Group, "Readers", TestBot.Now);
        chats.SetTimeZone(supergroup, "Asia/Tokyo");

        chats.Migrate(group, supergroup, TestBot.Now);

        Assert.Equal("Asia/Tokyo", chats.Find(supergroup)!.TimeZone);
    }
}
