using System.Globalization;
using NewsBot.Core.Subscriptions;

namespace NewsBot.Storage;

internal sealed class LiteDbSubscriptionStore(NewsBotDatabase database) : ISubscriptionStore
{
    public Subscription Add(Subscription subscription)
    {
        var document = new SubscriptionDocument
        {
            ChatKey = subscription.ChatKey,
            Kind = subscription.Kind.ToString(),
            Query = subscription.Query,
            Mode = subscription.Mode.ToString(),
            DailyAt = subscription.DailyAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
            CreatedBy = subscription.CreatedBy,
            CreatedAt = Dates.ToStored(subscription.CreatedAt),
        };
        database.Subscriptions.Insert(document);
        return ToSubscription(document);
    }

    public IReadOnlyList<Subscription> ListForChat(string chatKey) =>
        database.Subscriptions.Find(s => s.ChatKey == chatKey).OrderBy(s => s.Id).Select(ToSubscription).ToList();

    public int Remove(string chatKey, IReadOnlyCollection<int> ids)
    {
        var removed = 0;
        foreach (var id in ids)
        {
            removed += database.Subscriptions.DeleteMany(s => s.Id == id && s.ChatKey == chatKey);
        }

        return removed;
    }

    public int CountAll() => database.Subscriptions.Count();

    private static Subscription ToSubscription(SubscriptionDocument d) => new(
        d.Id,
        d.ChatKey,
        Enum.TryParse<SubscriptionKind>(d.Kind, out var kind) ? kind : SubscriptionKind.Keywords,
        d.Query,
        Enum.TryParse<DeliveryMode>(d.Mode, out var mode) ? mode : DeliveryMode.Instant,
        d.DailyAt is not null && TimeOnly.TryParseExact(d.DailyAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
        d.CreatedBy,
        Dates.FromStored(d.CreatedAt));
}
