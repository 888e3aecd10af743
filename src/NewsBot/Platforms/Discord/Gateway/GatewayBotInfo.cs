namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>What <c>GET /gateway/bot</c> answers: where to connect, how many identifies are left, and how many shards Discord recommends.</summary>
internal sealed record GatewayBotInfo(Uri Url, SessionStartLimit SessionStartLimit, int Shards = 1);

/// <summary>The identify budget: <see cref="Remaining"/> until <see cref="ResetAfter"/> has passed.</summary>
internal sealed record SessionStartLimit(int Remaining, TimeSpan ResetAfter, int MaxConcurrency);
