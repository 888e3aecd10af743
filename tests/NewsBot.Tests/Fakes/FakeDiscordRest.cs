using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Testing;

namespace NewsBot.Tests.Fakes;

/// <summary>A request the fake Discord API received: what came in, when (on the test's clock), and how it was answered.</summary>
public sealed record DiscordRestRequest(
    string Method,
    string Path,
    string? Authorization,
    string? UserAgent,
    string? ContentType,
    JsonNode? Body,
    DateTimeOffset At,
    int Status)
{
    /// <summary>"POST /channels/500/messages".</summary>
    public string Route => Method + " " + Path;

    /// <summary>The interaction callback type (4 message, 5 defer, 7 update, 8 autocomplete).</summary>
    public int? CallbackType => (int?)Body?["type"];

    /// <summary>The message part: a callback's data, or the body of any other message request.</summary>
    public JsonNode? Message => Path.StartsWith("/interactions/", StringComparison.Ordinal) ? Body?["data"] : Body;

    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>How the fake answers one request instead of its default.</summary>
/// <param name="Hold">The answer waits for this task first (a response held back for as long as a test needs).</param>
public sealed record FakeDiscordAnswer(
    int Status,
    string Body = "{}",
    IReadOnlyDictionary<string, string>? Headers = null,
    string ContentType = "application/json",
    Task? Hold = null)
{
    public static FakeDiscordAnswer Error(int status, int code, string message) =>
        new(status, new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString());

    public static FakeDiscordAnswer RateLimited(double retryAfter, bool global = false, string scope = "user") =>
        new(429,
            new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfter, ["global"] = global }.ToJsonString(),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Retry-After"] = Math.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-RateLimit-Scope"] = scope,
                ["X-RateLimit-Global"] = global ? "true" : "false",
            });

    /// <summary>A Cloudflare-style 429: an HTML page and only the Retry-After header.</summary>
    public static FakeDiscordAnswer HtmlRateLimited(int retryAfterSeconds) =>
        new(429, "<html><body><h1>Error 1015</h1><p>You are being rate limited</p></body></html>",
            new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "text/html");

    public static FakeDiscordAnswer BadGateway() => new(502, "<html><body>502 Bad Gateway</body></html>", ContentType: "text/html");

    /// <summary>Success (the route's default body) with rate-limit headers describing the bucket.</summary>
    public static FakeDiscordAnswer WithBucket(string bucket, int limit, int remaining, double resetAfter) =>
        new(0, Headers: Bucket(bucket, limit, remaining, resetAfter));

    public static Dictionary<string, string> Bucket(string bucket, int limit, int remaining, double resetAfter) =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["X-RateLimit-Bucket"] = bucket,
            ["X-RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset-After"] = resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
}

/// <summary>
/// An in-process stand-in for Discord's REST API on Kestrel (127.0.0.1, free port), driven by
/// the real client. It implements the routes NewsBot uses with plausible answers, checks the
/// token, records every request (body parsed, time read from the test's clock), and answers
/// from a per-route script when one is queued (status, headers, body, held response).
/// </summary>
public sealed class FakeDiscordRest : IAsyncDisposable
{
    public const string Token = "MTAxMjM0NTY3ODkwMTIzNDU2.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB";
    public const string ApplicationId = "200000000000000200";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private readonly List<DiscordRestRequest> _requests = [];
    private readonly ScriptedAnswers<FakeDiscordAnswer> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _channelTypes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeThread> _threads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonArray> _roles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new(StringComparer.Ordinal);
    private readonly ChangeSignal _changes = new();
    private JsonArray _globalCommands = [];
    private JsonArray _guildCommands = [];
    private long _nextMessageId = 900_000_000_000_000_000;
    private int _arrivals;

    private FakeDiscordRest(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    /// <summary>The API base the client is given: <c>http://127.0.0.1:port/api/v10</c>.</summary>
    public string ApiBaseUrl { get; private set; } = string.Empty;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Requests that have reached the server, answered or not.</summary>
    public int Arrivals => Volatile.Read(ref _arrivals);

    public IReadOnlyList<DiscordRestRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>The most requests on one path that were in the server at the same moment.</summary>
    public int MaxInFlight(string path) => _maxInFlight.GetValueOrDefault(path);

    public static async Task<FakeDiscordRest> StartAsync(TimeProvider? clock = null)
    {
        var app = LoopbackWebApp.Create();
        var server = new FakeDiscordRest(app, clock ?? TimeProvider.System);
        app.Map("/api/v10/{**path}", server.HandleAsync);
        server.BaseUri = await app.StartListeningAsync();
        server.ApiBaseUrl = server.BaseUri.ToString().TrimEnd('/') + "/api/v10";
        return server;
    }

    /// <summary>The next requests to <paramref name="route"/> (e.g. "POST /channels/1/messages") get these answers in order.</summary>
    public void Script(string route, params FakeDiscordAnswer[] answers) => _scripts.Enqueue(route, answers);

    /// <summary>What <c>GET /channels/{id}</c> reports as the channel's type (0 text, 5 announcement).</summary>
    public void SetChannelType(string channelId, int type) => _channelTypes[channelId] = type;

    /// <summary>
    /// A thread and its state. An archived thread refuses messages (50083) until it is taken out
    /// of the archive with <c>PATCH /channels/{id}</c>, which a locked thread allows only when
    /// <paramref name="botManagesThreads"/> (else 50013).
    /// </summary>
    public void SetThread(string threadId, bool archived = false, bool locked = false, bool botManagesThreads = false, string? parentId = null)
    {
        _threads[threadId] = new FakeThread(archived, locked, botManagesThreads, parentId);
        _channelTypes[threadId] = 11;
    }

    /// <summary>Whether the thread is archived now.</summary>
    public bool IsArchived(string threadId) => _threads.TryGetValue(threadId, out var thread) && thread.Archived;

    /// <summary>The roles <c>GET /guilds/{id}/roles</c> lists for the server: (id, name, mentionable).</summary>
    public void SetRoles(string guildId, params (string Id, string Name, bool Mentionable)[] roles) =>
        _roles[guildId] = new JsonArray(roles.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["name"] = r.Name, ["mentionable"] = r.Mentionable, ["permissions"] = "0" }).ToArray());

    /// <summary>The commands registered globally (or in the guild) as Discord would list them.</summary>
    public void SetCommands(JsonArray commands, bool guild = false)
    {
        lock (_lock)
        {
            if (guild)
            {
                _guildCommands = commands;
            }
            else
            {
                _globalCommands = commands;
            }
        }
    }

    public IReadOnlyList<DiscordRestRequest> Calls(string method, string pathPrefix) =>
        Requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>Waits (a few seconds at most) for a request matching the predicate.</summary>
    public Task<DiscordRestRequest> WaitForAsync(Func<DiscordRestRequest, bool> predicate, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(() => Requests.FirstOrDefault(predicate), "a matching request", timeout, _changes, Seen);

    /// <summary>Waits until at least <paramref name="count"/> requests have reached the server, answered or not.</summary>
    public Task WaitForArrivalsAsync(int count) =>
        Eventually.WaitUntilAsync(() => Arrivals >= count, $"{count} requests to arrive", changes: _changes, seen: () => $"{Arrivals} arrived; answered: {Seen()}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAndDisposeAsync(TimeSpan.FromSeconds(2));
    }

    private string Seen() => string.Join(", ", Requests.Select(r => $"{r.Route}:{r.Status}"));

    private async Task HandleAsync(HttpContext context)
    {
        var at = _clock.GetUtcNow();
        var method = context.Request.Method;
        var path = context.Request.Path.Value!["/api/v10".Length..];
        var route = method + " " + path;
        var inFlight = _inFlight.AddOrUpdate(path, 1, (_, n) => n + 1);
        _maxInFlight.AddOrUpdate(path, inFlight, (_, n) => Math.Max(n, inFlight));
        lock (_lock)
        {
            _arrivals++;
            _changes.Pulse();
        }

        JsonNode? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body);
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }
        }

        FakeDiscordAnswer? answer;
        try
        {
            answer = await AnswerAsync(context, route, path, method, body);
        }
        catch (OperationCanceledException)
        {
            answer = null;
        }
        finally
        {
            // Before the answer goes out: the client's next request may follow it at once.
            _inFlight.AddOrUpdate(path, 0, (_, n) => n - 1);
        }

        // Recorded before the answer is written, so a client holding its answer finds its request here.
        var headers = context.Request.Headers;
        lock (_lock)
        {
            _requests.Add(new DiscordRestRequest(method, path, headers.Authorization, headers.UserAgent, context.Request.ContentType, body, at, answer?.Status ?? 499));
        }

        _changes.Pulse();
        if (answer is not null)
        {
            await WriteAsync(context, answer);
        }
    }

    private async Task<FakeDiscordAnswer> AnswerAsync(HttpContext context, string route, string path, string method, JsonNode? body)
    {
        if (context.Request.Headers.Authorization != "Bot " + Token)
        {
            return new FakeDiscordAnswer(401, """{"message":"401: Unauthorized","code":0}""");
        }

        var scripted = _scripts.Next(route);

        if (scripted?.Hold is { } hold)
        {
            await hold.WaitAsync(context.RequestAborted);
        }

        if (scripted is { Status: not 0 })
        {
            return scripted;
        }

        var answer = Default(method, path, body);
        if (scripted?.Headers is { } extra)
        {
            answer = answer with { Headers = extra };
        }

        return answer;
    }

    private FakeDiscordAnswer Default(string method, string path, JsonNode? body)
    {
        var parts = path.Trim('/').Split('/');
        switch (method, parts)
        {
            case ("GET", ["gateway", "bot"]):
                var ws = "ws://" + BaseUri.Authority + "/";
                return Ok(new JsonObject
                {
                    ["url"] = ws,
                    ["shards"] = 1,
                    ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = 1 },
                });
            case ("GET", ["applications", "@me"]):
                return Ok(new JsonObject { ["id"] = ApplicationId, ["name"] = "NewsBot" });
            case ("POST", ["channels", var channel, "messages"]) when _threads.TryGetValue(channel, out var thread) && thread.Archived:
                return FakeDiscordAnswer.Error(400, 50083, "Thread is archived");
            case ("POST", ["channels", var channel, "messages"]) when _channelTypes.GetValueOrDefault(channel) is 15 or 16:
                return FakeDiscordAnswer.Error(400, 50008, "Cannot send messages in a non-text channel");
            case ("POST", ["channels", var channel, "messages"]):
                return Ok(Message(channel, body));
            case ("POST", ["channels", var forum, "threads"]):
                return StartPost(forum, body);
            case ("PATCH", ["channels", var channel]) when _threads.TryGetValue(channel, out var thread):
                if ((bool?)body?["archived"] == false)
                {
                    if (thread.Locked && !thread.BotManagesThreads)
                    {
                        return FakeDiscordAnswer.Error(403, 50013, "Missing Permissions");
                    }

                    _threads[channel] = thread with { Archived = false };
                }

                return Ok(new JsonObject { ["id"] = channel, ["type"] = 11, ["thread_metadata"] = new JsonObject { ["archived"] = _threads[channel].Archived, ["locked"] = thread.Locked } });
            case ("GET", ["guilds", var guild, "roles"]):
                return Ok(_roles.TryGetValue(guild, out var roles) ? roles.DeepClone() : new JsonArray());
            case ("PATCH", ["channels", var channel, "messages", var id]):
                return Ok(new JsonObject { ["id"] = id, ["channel_id"] = channel });
            case ("POST", ["channels", var channel, "messages", var id, "crosspost"]):
                return Ok(new JsonObject { ["id"] = id, ["channel_id"] = channel });
            case ("GET", ["channels", var channel]):
                return Ok(new JsonObject { ["id"] = channel, ["type"] = _channelTypes.GetValueOrDefault(channel), ["name"] = "news" });
            case ("POST", ["users", "@me", "channels"]):
                return Ok(new JsonObject { ["id"] = "7" + ((string?)body?["recipient_id"] ?? "0"), ["type"] = 1 });
            case ("POST", ["interactions", _, _, "callback"]):
                return new FakeDiscordAnswer(204, string.Empty);
            case ("PATCH", ["webhooks", _, _, "messages", "@original"]):
            case ("POST", ["webhooks", _, _]):
                return Ok(Message("0", body));
            case ("GET", ["applications", _, "commands"]):
                lock (_lock)
                {
                    return Ok(_globalCommands.DeepClone());
                }

            case ("GET", ["applications", _, "guilds", _, "commands"]):
                lock (_lock)
                {
                    return Ok(_guildCommands.DeepClone());
                }

            case ("PUT", ["applications", _, "commands"]):
                SetCommands(body as JsonArray ?? [], guild: false);
                return Ok(body?.DeepClone() ?? new JsonArray());
            case ("PUT", ["applications", _, "guilds", _, "commands"]):
                SetCommands(body as JsonArray ?? [], guild: true);
                return Ok(body?.DeepClone() ?? new JsonArray());
            default:
                return FakeDiscordAnswer.Error(404, 0, "404: Not Found");
        }
    }

    /// <summary>A forum post, as Discord checks it: a forum or media channel, a name of 1 to 100 characters, a message with content or embeds.</summary>
    private FakeDiscordAnswer StartPost(string forum, JsonNode? body)
    {
        if (_channelTypes.GetValueOrDefault(forum) is not (15 or 16))
        {
            return FakeDiscordAnswer.Error(400, 50024, "Cannot execute action on this channel type");
        }

        var name = (string?)body?["name"];
        var message = body?["message"];
        if (name is not { Length: >= 1 and <= 100 } || message is null || (message["content"] is null && message["embeds"] is null))
        {
            return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body");
        }

        var id = Interlocked.Increment(ref _nextMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _threads[id] = new FakeThread(false, false, false, forum);
        _channelTypes[id] = 11;
        return Ok(new JsonObject { ["id"] = id, ["type"] = 11, ["parent_id"] = forum, ["name"] = name, ["message"] = new JsonObject { ["id"] = id, ["channel_id"] = id } });
    }

    private sealed record FakeThread(bool Archived, bool Locked, bool BotManagesThreads, string? ParentId);

    private JsonObject Message(string channel, JsonNode? body)
    {
        var id = Interlocked.Increment(ref _nextMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = new JsonObject { ["id"] = id, ["channel_id"] = channel };
        if (body?["content"] is { } content)
        {
            message["content"] = content.DeepClone();
        }

        return message;
    }

    private static FakeDiscordAnswer Ok(JsonNode body) => new(200, body.ToJsonString());

    private static async Task WriteAsync(HttpContext context, FakeDiscordAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Status != 204)
        {
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body);
        }
    }
}

/// <summary>Builders for the <c>INTERACTION_CREATE</c> payloads Discord sends (the dispatch's <c>d</c>).</summary>
public static class DiscordInteractions
{
    public const string GuildId = "400000000000000400";
    public const string ChannelId = "500000000000000500";
    public const string UserId = "600000000000000600";

    /// <summary>Every permission: what Discord reports for a server administrator.</summary>
    public const string AllPermissions = "2147483647";

    private static long _nextId = 300_000_000_000_000_000;

    public static string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A slash command; <paramref name="permissions"/> null means a DM, else a server channel with these member permissions.</summary>
    public static JsonObject Command(string name, IEnumerable<(string Name, JsonNode Value)>? options = null, string? permissions = null, string userId = UserId, string? id = null, bool focused = false, string channelId = ChannelId)
    {
        var data = new JsonObject { ["id"] = "700000000000000700", ["name"] = name, ["type"] = 1 };
        var list = new JsonArray();
        foreach (var (optionName, value) in options ?? [])
        {
            var option = new JsonObject { ["name"] = optionName, ["type"] = value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? 4 : 3, ["value"] = value.DeepClone() };
            if (focused && list.Count == 0)
            {
                option["focused"] = true;
            }

            list.Add(option);
        }

        if (list.Count > 0)
        {
            data["options"] = list;
        }

        return Interaction(focused ? 4 : 2, data, permissions, userId, id, channelId);
    }

    /// <summary>An autocomplete request while <paramref name="option"/> is being typed.</summary>
    public static JsonObject Autocomplete(string name, string option, string typed, string? permissions = null, string userId = UserId) =>
        Command(name, [(option, JsonValue.Create(typed))], permissions, userId, focused: true);

    /// <summary>A button press on one of the bot's messages.</summary>
    public static JsonObject Button(string customId, string? permissions = null, string userId = UserId, string? id = null, string channelId = ChannelId)
    {
        var interaction = Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, permissions, userId, id, channelId);
        interaction["message"] = new JsonObject { ["id"] = "800000000000000800", ["channel_id"] = channelId };
        return interaction;
    }

    private static JsonObject Interaction(int type, JsonObject data, string? permissions, string userId, string? id, string channelId)
    {
        var user = new JsonObject { ["id"] = userId, ["username"] = "alice", ["global_name"] = "Alice" };
        var interaction = new JsonObject
        {
            ["id"] = id ?? NextId(),
            ["application_id"] = FakeDiscordRest.ApplicationId,
            ["type"] = type,
            ["token"] = "itok-" + Guid.NewGuid().ToString("N"),
            ["version"] = 1,
            ["data"] = data,
            ["locale"] = "en-US",
        };
        if (permissions is null)
        {
            interaction["channel_id"] = "710000000000000710";
            interaction["channel"] = new JsonObject { ["id"] = "710000000000000710", ["type"] = 1 };
            interaction["user"] = user;
        }
        else
        {
            interaction["guild_id"] = GuildId;
            interaction["channel_id"] = channelId;
            interaction["channel"] = new JsonObject { ["id"] = channelId, ["type"] = 0, ["name"] = "news" };
            interaction["member"] = new JsonObject { ["user"] = user, ["roles"] = new JsonArray(), ["permissions"] = permissions };
        }

        return interaction;
    }
}
