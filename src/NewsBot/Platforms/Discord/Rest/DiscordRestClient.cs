using System.Net;
using System.Net.Http.Headers;

namespace NewsBot.Platforms.Discord.Rest;

/// <summary>
/// NewsBot's Discord REST client. Every call goes through the <see cref="DiscordRateLimiter"/>;
/// 429s are waited out (or handed back to impatient callers), server errors retried a few
/// times with back-off, refusals thrown as <see cref="DiscordApiException"/>. A 401 shuts
/// Discord down for good with one log line; the token is never logged or put in a message.
/// </summary>
internal sealed partial class DiscordRestClient(
    HttpClient http,
    IOptions<DiscordOptions> options,
    DiscordRateLimiter limiter,
    InvalidRequestGuard guard,
    DiscordShutdown shutdown,
    DiscordRestTuning tuning,
    TimeProvider time,
    ILogger<DiscordRestClient> logger,
    NewsBot.Core.Telemetry.NewsBotMetrics? metrics = null) : IGatewayBotSource
{
    public const string UserAgent = "DiscordBot (https://github.com/newsbot, 1.0)";

    /// <summary>The longest wait any rate-limit header or body can ask for; anything beyond is read as this.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private readonly Uri _baseUri = BaseUri(options);
    private readonly string _authorization = "Bot " + options.Value.Token.Trim();
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);
    private int _guardWarned;

    /// <summary>Posts a message; returns its id. An impatient send never waits: a rate limit comes back as <see cref="DiscordRateLimitedException"/>.</summary>
    public async Task<string> CreateMessageAsync(string channelId, DiscordMessage message, bool patient, CancellationToken cancellationToken)
    {
        DiscordMessageLimits.EnsureValid(message);
        var route = DiscordRoute.Post($"channels/{Id(channelId)}/messages", "channels/{channel}/messages", "channel:" + channelId);
        using var answer = await SendAsync(route, message, patient, retrySafe: message.Nonce is not null && message.EnforceNonce == true, cancellationToken).ConfigureAwait(false);
        return DiscordJson.String(answer.RootElement, "id") ?? string.Empty;
    }

    /// <summary>Publishes a message of an announcement channel to the servers following it.</summary>
    public async Task CrosspostAsync(string channelId, string messageId, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Post($"channels/{Id(channelId)}/messages/{Id(messageId)}/crosspost", "channels/{channel}/messages/{message}/crosspost", "channel:" + channelId);
        using var _ = await SendAsync(route, null, patient: true, retrySafe: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DiscordChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Get($"channels/{Id(channelId)}", "channels/{channel}", "channel:" + channelId);
        using var answer = await SendAsync(route, null, patient: true, retrySafe: true, cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        return new DiscordChannel(DiscordJson.String(root, "id") ?? channelId, (int)(DiscordJson.Integer(root, "type") ?? -1));
    }

    /// <summary>The DM channel with a person, opened once and remembered.</summary>
    public async Task<string> GetDmChannelAsync(string userId, bool patient, CancellationToken cancellationToken)
    {
        if (_dmChannels.TryGetValue(userId, out var known))
        {
            return known;
        }

        var route = DiscordRoute.Post("users/@me/channels", "users/@me/channels");
        using var answer = await SendAsync(route, new { recipient_id = Id(userId) }, patient, retrySafe: true, cancellationToken).ConfigureAwait(false);
        var channelId = DiscordJson.String(answer.RootElement, "id");
        if (!DiscordChats.IsSnowflake(channelId))
        {
            throw new DiscordApiException(200, 0, "the DM channel came back without a usable id", route.Template);
        }

        if (_dmChannels.Count >= tuning.DmChannelCacheSize)
        {
            // Discord hands back the same channel when asked again, so forgetting costs one request per person.
            _dmChannels.Clear();
        }

        _dmChannels[userId] = channelId!;
        return channelId!;
    }

    /// <summary>How many DM channels are remembered now.</summary>
    internal int RememberedDmChannels => _dmChannels.Count;

    /// <summary>The first answer to an interaction; Discord allows one, within 3 s.</summary>
    public async Task RespondAsync(string interactionId, string token, DiscordInteractionResponse response, CancellationToken cancellationToken)
    {
        if (response.Data is DiscordMessage message)
        {
            DiscordMessageLimits.EnsureValid(message);
        }

        var route = new DiscordRoute(
            HttpMethod.Post, $"interactions/{Id(interactionId)}/{Token(token)}/callback", "POST interactions/{interaction}/{token}/callback",
            "interaction:" + interactionId, IsInteractionCallback: true);
        using var _ = await SendAsync(route, response, patient: true, retrySafe: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the original (possibly deferred) interaction response.</summary>
    public async Task EditOriginalResponseAsync(string applicationId, string token, DiscordMessage message, CancellationToken cancellationToken)
    {
        DiscordMessageLimits.EnsureValid(message);
        var route = DiscordRoute.Patch(
            $"webhooks/{Id(applicationId)}/{Token(token)}/messages/@original", "webhooks/{application}/{token}/messages/@original", $"webhook:{applicationId}/{token}");
        using var _ = await SendAsync(route, message, patient: true, retrySafe: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Another message in answer to an interaction (for replies that need more than one).</summary>
    public async Task CreateFollowupAsync(string applicationId, string token, DiscordMessage message, CancellationToken cancellationToken)
    {
        DiscordMessageLimits.EnsureValid(message);
        var route = DiscordRoute.Post($"webhooks/{Id(applicationId)}/{Token(token)}", "webhooks/{application}/{token}", $"webhook:{applicationId}/{token}");
        using var _ = await SendAsync(route, message, patient: true, retrySafe: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The slash commands registered now, globally or in one server, as Discord returns them.</summary>
    public async Task<JsonDocument> GetCommandsAsync(string applicationId, string? guildId, CancellationToken cancellationToken)
    {
        // With their localizations, so they compare with what NewsBot would register.
        var route = CommandsRoute(HttpMethod.Get, applicationId, guildId);
        route = route with { Path = route.Path + "?with_localizations=true" };
        return await SendAsync(route, null, patient: true, retrySafe: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces every slash command, globally or in one server.</summary>
    public async Task OverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<DiscordApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var route = CommandsRoute(HttpMethod.Put, applicationId, guildId);
        using var _ = await SendAsync(route, commands, patient: true, retrySafe: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The application's id (<c>GET /applications/@me</c>), for when it is not configured.</summary>
    public async Task<string> GetApplicationIdAsync(CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Get("applications/@me", "applications/@me");
        using var answer = await SendAsync(route, null, patient: true, retrySafe: true, cancellationToken).ConfigureAwait(false);
        var id = DiscordJson.String(answer.RootElement, "id");
        return DiscordChats.IsSnowflake(id)
            ? id!
            : throw new DiscordApiException(200, 0, "the application came back without a usable id", route.Template);
    }

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Get("gateway/bot", "gateway/bot");
        using var answer = await SendAsync(route, null, patient: true, retrySafe: true, cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        var url = DiscordJson.String(root, "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new DiscordApiException(200, 0, "GET /gateway/bot answered without a usable url", route.Template);
        }

        var limit = DiscordJson.Object(root, "session_start_limit") ?? default;
        return new GatewayBotInfo(
            uri,
            new SessionStartLimit(
                (int)(DiscordJson.Integer(limit, "remaining") ?? 1000),
                TimeSpan.FromMilliseconds(DiscordJson.Integer(limit, "reset_after") ?? 0),
                (int)Math.Max(1, DiscordJson.Integer(limit, "max_concurrency") ?? 1)),
            (int)Math.Clamp(DiscordJson.Integer(root, "shards") ?? 1, 1, DiscordOptions.MaxShardCount));
    }

    private static DiscordRoute CommandsRoute(HttpMethod method, string applicationId, string? guildId)
    {
        var verb = method.Method;
        return string.IsNullOrWhiteSpace(guildId)
            ? new DiscordRoute(method, $"applications/{Id(applicationId)}/commands", verb + " applications/{application}/commands", string.Empty)
            : new DiscordRoute(method, $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", verb + " applications/{application}/guilds/{guild}/commands", "guild:" + guildId);
    }

    /// <summary>
    /// Sends one request, with rate limits, retries and the breakers, and returns the parsed answer
    /// (an empty object for 204). <paramref name="retrySafe"/>: the request may be sent again after
    /// an answer that does not prove it was not applied (500, a dropped connection).
    /// </summary>
    private async Task<JsonDocument> SendAsync(DiscordRoute route, object? body, bool patient, bool retrySafe, CancellationToken cancellationToken)
    {
        var payload = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), DiscordJson.Options);
        var rateLimited = 0;
        for (var attempt = 0; ; attempt++)
        {
            ThrowIfStopped(route);
            using var lease = await limiter.AcquireAsync(route, patient, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            string text;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(tuning.RequestTimeout);
                using var request = CreateRequest(route, payload);
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                lease.Complete(null);
                var reason = ex is OperationCanceledException ? "timed out" : "network error";
                if (patient && (retrySafe || route.IsIdempotent) && attempt < tuning.ServerErrorRetries)
                {
                    await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new DiscordUnavailableException($"{route.Template}: {reason} ({ex.GetType().Name})", isTransient: true, ex);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var headers = ReadHeaders(response);
                if (status == (int)HttpStatusCode.TooManyRequests)
                {
                    var limited = ReadRateLimit(response, text);
                    if (!limited.Shared)
                    {
                        guard.Record();
                    }

                    if (limited.Global)
                    {
                        limiter.PauseAll(limited.RetryAfter);
                        lease.Complete(headers);
                    }
                    else
                    {
                        lease.Complete(headers with { RouteRetryAfter = limited.RetryAfter });
                    }

                    logger.LogRateLimited(route.Template, limited.RetryAfter.TotalSeconds, limited.Scope ?? (limited.Global ? "global" : "route"));
                    if (!patient || ++rateLimited > tuning.RateLimitRetries || limited.RetryAfter > tuning.MaxRateLimitWait)
                    {
                        throw new DiscordRateLimitedException(limited.RetryAfter, limited.Global, route.Template);
                    }

                    // Waited out here; a 429 handed back to a push is counted by the dispatcher instead.
                    metrics?.RateLimited(NewsBot.Core.Chats.PlatformNames.Discord, limited.Global, limited.RetryAfter);
                    continue;
                }

                lease.Complete(headers);
                if (response.IsSuccessStatusCode)
                {
                    return Parse(text);
                }

                if (status == (int)HttpStatusCode.Unauthorized)
                {
                    guard.Record();
                    TokenRefused();
                    throw new DiscordUnavailableException("Discord refused the bot token (HTTP 401)", isTransient: false);
                }

                if (status >= 500)
                {
                    var gatewayTrouble = status is 502 or 503 or 504;
                    if (patient && (gatewayTrouble || retrySafe || route.IsIdempotent) && attempt < tuning.ServerErrorRetries)
                    {
                        logger.LogRequestRetrying(status, route.Template);
                        await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    throw new DiscordUnavailableException($"{route.Template}: Discord answered HTTP {status}", isTransient: true);
                }

                if (status == (int)HttpStatusCode.Forbidden)
                {
                    guard.Record();
                }

                var (code, message) = ReadError(text, response.ReasonPhrase);
                throw new DiscordApiException(status, code, message, route.Template);
            }
        }
    }

    private void ThrowIfStopped(DiscordRoute route)
    {
        if (shutdown.IsShutDown)
        {
            throw new DiscordUnavailableException($"Discord is shut down: {shutdown.Reason}", isTransient: false);
        }

        if (guard.IsOverLimit(out var wait))
        {
            if (Interlocked.Exchange(ref _guardWarned, 1) == 0)
            {
                logger.LogPaused(guard.Count, tuning.InvalidRequestWindow.TotalMinutes, wait.TotalSeconds);
            }

            throw new DiscordRateLimitedException(wait, global: true, route.Template);
        }

        Interlocked.Exchange(ref _guardWarned, 0);
    }

    private void TokenRefused()
    {
        if (shutdown.Trip("the bot token was refused (HTTP 401)"))
        {
            logger.LogTokenRefused();
        }
    }

    private HttpRequestMessage CreateRequest(DiscordRoute route, string? payload)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(_baseUri, route.Path));
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (payload is not null)
        {
            request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(tuning.ServerErrorBackoff.Ticks * (1L << Math.Min(attempt, 10)));

    private DiscordRateLimiter.RateLimitHeaders ReadHeaders(HttpResponseMessage response)
    {
        var resetAfter = Seconds(Double(response, "X-RateLimit-Reset-After"));
        if (resetAfter is null && Double(response, "X-RateLimit-Reset") is { } epoch && double.IsFinite(epoch))
        {
            // Without Reset-After, the epoch form; a skewed local clock can make it negative.
            var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            resetAfter = Seconds(Math.Max(0, epoch - now));
        }

        return new DiscordRateLimiter.RateLimitHeaders(
            Header(response, "X-RateLimit-Bucket"),
            (int?)Double(response, "X-RateLimit-Limit"),
            (int?)Double(response, "X-RateLimit-Remaining"),
            resetAfter);
    }

    /// <summary>Reads a 429: the body's <c>retry_after</c> first, then <c>Retry-After</c>, then a long default (a Cloudflare HTML page says nothing).</summary>
    private RateLimit ReadRateLimit(HttpResponseMessage response, string text)
    {
        double? bodyRetry = null;
        var bodyGlobal = false;
        if (LooksLikeJson(text))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                bodyRetry = DiscordJson.Number(document.RootElement, "retry_after");
                bodyGlobal = document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True;
            }
            catch (JsonException)
            {
                // Fall back to the headers.
            }
        }

        var scope = Header(response, "X-RateLimit-Scope");
        var headerGlobal = string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        var retry = Seconds(bodyRetry);
        retry ??= response.Headers.RetryAfter?.Delta is { } delta && delta >= TimeSpan.Zero ? (delta < MaxWait ? delta : MaxWait) : null;
        retry ??= Seconds(Double(response, "Retry-After"));
        retry ??= tuning.UnreadableRateLimitWait;
        var isGlobal = bodyGlobal || headerGlobal || string.Equals(scope, "global", StringComparison.OrdinalIgnoreCase);
        return new RateLimit(retry.Value, isGlobal, string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase), scope);
    }

    private static (int Code, string Message) ReadError(string text, string? reason)
    {
        if (LooksLikeJson(text))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                return ((int)(DiscordJson.Integer(root, "code") ?? 0), DiscordJson.String(root, "message") ?? reason ?? "no message");
            }
            catch (JsonException)
            {
                // Not JSON after all.
            }
        }

        return (0, reason ?? "no message");
    }

    private static JsonDocument Parse(string text)
    {
        if (!LooksLikeJson(text))
        {
            return JsonDocument.Parse("{}");
        }

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '{' or '[';
    }

    /// <summary>
    /// A number of seconds from a header or body as a wait: null when it is no usable number
    /// (NaN, infinite, negative), capped so that absurd values cannot overflow the clock arithmetic.
    /// </summary>
    private static TimeSpan? Seconds(double? seconds) =>
        seconds is not { } value || double.IsNaN(value) || double.IsInfinity(value) || value < 0
            ? null
            : value >= MaxWait.TotalSeconds ? MaxWait : TimeSpan.FromSeconds(value);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Double(HttpResponseMessage response, string name) =>
        Header(response, name) is { } value && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Ids go into paths as they are; anything but digits is refused rather than sent.</summary>
    private static string Id(string id) =>
        id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit) ? id : throw new ArgumentException($"'{id}' is not a Discord id.", nameof(id));

    private static string Token(string token) => Uri.EscapeDataString(token);

    private sealed record RateLimit(TimeSpan RetryAfter, bool Global, bool Shared, string? Scope);

    private static Uri BaseUri(IOptions<DiscordOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = string.IsNullOrWhiteSpace(options.Value.ApiBaseUrl) ? DiscordOptions.DefaultApiBaseUrl : options.Value.ApiBaseUrl.Trim();
        return new Uri(baseUrl.TrimEnd('/') + "/");
    }
}
