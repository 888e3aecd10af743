namespace NewsBot.Platforms.Discord.Gateway;

/// <summary>What <c>GET /gateway/bot</c> answers: where to connect and how many identifies are left.</summary>
internal sealed record GatewayBotInfo(Uri Url, SessionStartLimit SessionStartLimit);

/// <summary>The identify budget: <see cref="Remaining"/> until <see cref="ResetAfter"/> has passed.</summary>
internal sealed record SessionStartLimit(int Remaining, TimeSpan ResetAfter, int MaxConcurrency);
