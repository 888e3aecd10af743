using System.Runtime.InteropServices;

namespace NewsBot.Storage;

internal sealed class LiteDbSubscriptionStore(NewsBotDatabase database) : ISubscriptionStore
{
    public ValueTask<Subscription> AddAsync(Subscription subscription, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Add(subscription));

    public ValueTask<IReadOnlyList<Subscription>> ListForChatAsync(string chatKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Subscription>>(ListForChat(chatKey));

    public ValueTask<IReadOnlyList<int>> RemoveAsync(string chatKey, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<int>>(Remove(chatKey, ids));

    public ValueTask<Subscription?> SetOptionsAsync(string chatKey, int id, PushOptions options, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SetOptions(chatKey, id, options));

    public IAsyncEnumerable<Subscription> AllAsync(CancellationToken cancellationToken) =>
        LiteDbThreadBinding.ReadNow(All());

    private Subscription Add(Subscription subscription)
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
            Silent = subscription.Options.Silent,
            PingRole = subscription.Options.PingRole,
            PingRoleName = subscription.Options.PingRoleName,
        };
        database.Subscriptions.Insert(document);
        return ToSubscription(document);
    }

    private List<Subscription> ListForChat(string chatKey) =>
        database.Subscriptions.Find(s => s.ChatKey == chatKey).OrderBy(s => s.Id).Select(ToSubscription).ToList();

    private Subscription? SetOptions(string chatKey, int id, PushOptions options)
    {
        var document = database.Subscriptions.FindById(id);
        if (document is null || document.ChatKey != chatKey)
        {
            return null;
        }

        document.Silent = options.Silent;
        document.PingRole = options.PingRole;
        document.PingRoleName = options.PingRole is null ? null : options.PingRoleName;
        database.Subscriptions.Update(document);
        return ToSubscription(document);
    }

    private List<int> Remove(string chatKey, IReadOnlyCollection<int> ids)
    {
        var removed = new List<int>();
        foreach (var id in ids)
        {
            if (database.Subscriptions.DeleteMany(s => s.Id == id && s.ChatKey == chatKey) > 0)
            {
                removed.Add(id);
            }
        }

        return removed;
    }

    private IEnumerable<Subscription> All()
    {
        // What this returns is held in memory (the matcher, the digest schedule): one string
        // instance per distinct chat, creator and query instead of one per subscription. A
        // chat's creator is usually the chat itself, and a topic is followed by thousands.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string Share(string text)
        {
            ref var instance = ref CollectionsMarshal.GetValueRefOrAddDefault(shared, text, out var known);
            if (!known)
            {
                instance = text;
            }

            return instance!;
        }

        foreach (var document in database.Subscriptions.FindAll())
        {
            document.ChatKey = Share(document.ChatKey);
            document.CreatedBy = Share(document.CreatedBy);
            document.Query = Share(document.Query);
            yield return ToSubscription(document);
        }
    }

    internal static Subscription ToSubscription(SubscriptionDocument d) => new(
        d.Id,
        d.ChatKey,
        Enum.TryParse<SubscriptionKind>(d.Kind, out var kind) ? kind : SubscriptionKind.Keywords,
        d.Query,
        Enum.TryParse<DeliveryMode>(d.Mode, out var mode) ? mode : DeliveryMode.Instant,
        d.DailyAt is not null && TimeOnly.TryParseExact(d.DailyAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
        d.CreatedBy,
        Dates.FromStored(d.CreatedAt))
    {
        Options = d.Silent || d.PingRole is not null ? new PushOptions(d.Silent, d.PingRole, d.PingRole is null ? null : d.PingRoleName) : PushOptions.Default,
    };
}
