using System.Runtime.CompilerServices;
using Npgsql;

namespace NewsBot.Storage.Postgres;

internal sealed class PostgresSubscriptionStore(PostgresDatabase database) : ISubscriptionStore
{
    internal const string Columns = "id, chat_key, kind, query, mode, daily_at, created_by, created_at, silent, ping_role, ping_role_name";

    public async ValueTask<Subscription> AddAsync(Subscription subscription, CancellationToken cancellationToken) =>
        (await database.FirstOrDefaultAsync(
            $"INSERT INTO subscriptions (chat_key, kind, query, mode, daily_at, created_by, created_at, silent, ping_role, ping_role_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING {Columns}",
            ToSubscription,
            cancellationToken,
            subscription.ChatKey,
            subscription.Kind.ToString(),
            subscription.Query,
            subscription.Mode.ToString(),
            subscription.DailyAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
            subscription.CreatedBy,
            Dates.ToStored(subscription.CreatedAt),
            subscription.Options.Silent,
            subscription.Options.PingRole,
            subscription.Options.PingRoleName).ConfigureAwait(false))!;

    public async ValueTask<Subscription?> SetOptionsAsync(string chatKey, int id, PushOptions options, CancellationToken cancellationToken) =>
        await database.FirstOrDefaultAsync(
            $"UPDATE subscriptions SET silent = $3, ping_role = $4, ping_role_name = $5 WHERE chat_key = $1 AND id = $2 RETURNING {Columns}",
            ToSubscription,
            cancellationToken,
            chatKey,
            id,
            options.Silent,
            options.PingRole,
            options.PingRole is null ? null : options.PingRoleName).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Subscription>> ListForChatAsync(string chatKey, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM subscriptions WHERE chat_key = $1 ORDER BY id", ToSubscription, cancellationToken, chatKey).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<int>> RemoveAsync(string chatKey, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var removed = (await database.QueryAsync(
            "DELETE FROM subscriptions WHERE chat_key = $1 AND id = ANY($2) RETURNING id", r => r.GetInt32(0), cancellationToken, chatKey, ids.ToArray()).ConfigureAwait(false))
            .ToHashSet();

        // In the order asked, each once, as removing them one by one would report them.
        return ids.Where(removed.Remove).ToList();
    }

    public async IAsyncEnumerable<Subscription> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // What this returns is held in memory (the matcher, the digest schedule): one string
        // instance per distinct chat, creator and query instead of one per subscription.
        var shared = new SharedStrings();
        await foreach (var subscription in database.StreamAsync($"SELECT {Columns} FROM subscriptions ORDER BY id", ToSubscription, cancellationToken).ConfigureAwait(false))
        {
            yield return subscription with
            {
                ChatKey = shared.Get(subscription.ChatKey),
                CreatedBy = shared.Get(subscription.CreatedBy),
                Query = shared.Get(subscription.Query),
            };
        }
    }

    internal static Subscription ToSubscription(NpgsqlDataReader r) => new(
        r.GetInt32(0),
        r.GetString(1),
        Enum.TryParse<SubscriptionKind>(r.GetString(2), out var kind) ? kind : SubscriptionKind.Keywords,
        r.GetString(3),
        Enum.TryParse<DeliveryMode>(r.GetString(4), out var mode) ? mode : DeliveryMode.Instant,
        r.NullableString(5) is { } dailyAt && TimeOnly.TryParseExact(dailyAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
        r.GetString(6),
        r.Date(7))
    {
        Options = r.GetBoolean(8) || r.NullableString(9) is not null ? new PushOptions(r.GetBoolean(8), r.NullableString(9), r.NullableString(10)) : PushOptions.Default,
    };
}
