using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Testing;

namespace NewsBot.Tests.Fakes;

/// <summary>A request the fake Bot API received: method, token, body parsed as JSON, and the answer's status.</summary>
public sealed record TelegramRequest(string Method, string Token, string? ContentType, JsonObject Body, DateTimeOffset At, int Status)
{
    public long? ChatId => Body["chat_id"] is JsonValue v && v.TryGetValue<long>(out var id) ? id : null;

    public string? Text => (string?)Body["text"] ?? (string?)Body["caption"];

    public bool IsHtml => string.Equals((string?)Body["parse_mode"], "html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every button of the inline keyboard, row by row flattened: label, callback data, url.</summary>
    public IReadOnlyList<(string Text, string? Data, string? Url)> Buttons =>
        (Body["reply_markup"]?["inline_keyboard"] as JsonArray ?? [])
            .OfType<JsonArray>()
            .SelectMany(row => row.OfType<JsonObject>())
            .Select(b => ((string)b["text"]!, (string?)b["callback_data"], (string?)b["url"]))
            .ToList();

    public bool Succeeded => Status == 200;
}

/// <summary>A message the fake "sent", so a test can press its buttons; <paramref name="ThreadId"/> is its forum topic.</summary>
public sealed record TelegramSentMessage(long ChatId, int MessageId, string? Text, bool IsPhoto, JsonNode? ReplyMarkup, int? ThreadId = null);

/// <summary>How the fake answers the next call of a method instead of succeeding.</summary>
public abstract record TelegramFailure
{
    public static TelegramFailure TooManyRequests(int retryAfter) => new ApiError(429, $"Too Many Requests: retry after {retryAfter}", RetryAfter: retryAfter);

    public static TelegramFailure ServerError() => new ApiError(500, "Internal Server Error");

    public static TelegramFailure Api(int code, string description, long? migrateTo = null) => new ApiError(code, description, MigrateTo: migrateTo);

    public static TelegramFailure BadGateway() => new HtmlError(502);

    public static TelegramFailure DropConnection() => new Drop();

    public static TelegramFailure Slow(TimeSpan delay) => new Delay(delay);

    /// <summary>Never answers; the request ends when the client gives up or the server stops.</summary>
    public static TelegramFailure Hang() => new Delay(Timeout.InfiniteTimeSpan);

    public sealed record ApiError(int Code, string Description, int? RetryAfter = null, long? MigrateTo = null) : TelegramFailure;

    public sealed record HtmlError(int Status) : TelegramFailure;

    public sealed record Drop : TelegramFailure;

    public sealed record Delay(TimeSpan Duration) : TelegramFailure;
}

/// <summary>
/// An in-process stand-in for the Telegram Bot API on Kestrel (127.0.0.1, free port), driven by
/// the real TelegramBotClient. getUpdates is a real long poll honouring offset (also negative)
/// and timeout; every request is recorded with its body parsed as JSON; failures can be queued
/// per method. Pending long polls end when the server stops. Channels and forum groups behave as
/// Telegram's do (see FakeTelegramServer.Chats.cs).
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const long BotId = 123456;
    public const string Token = "123456:TEST-token_abcDEF0123456789xyz";
    public const string BotUserName = "NewsTestBot";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<TelegramRequest> _requests = [];
    private readonly List<(int Id, JsonObject Update)> _pending = [];
    private readonly List<TelegramSentMessage> _sent = [];
    private readonly ScriptedAnswers<TelegramFailure> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(long Chat, long User), string> _members = new();
    private readonly ConcurrentDictionary<long, bool> _notStarted = new();
    private readonly ConcurrentDictionary<string, int> _arrivals = new(StringComparer.OrdinalIgnoreCase);
    private readonly ChangeSignal _changes = new();
    private int _nextUpdateId = 1000;
    private int _nextMessageId = 500;

    private FakeTelegramServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The clock requests are timed with (<see cref="TelegramRequest.At"/>); a test on a fake clock sets the bot's.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public string BaseUrl => BaseUri.ToString().TrimEnd('/');

    /// <summary>The bot's ceiling on sends per second, enforced with flood waits as Telegram does; none by default.</summary>
    public SendCeiling? Ceiling { get; set; }

    public IReadOnlyList<TelegramRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    public IReadOnlyList<TelegramSentMessage> Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent.ToList();
            }
        }
    }

    public static async Task<FakeTelegramServer> StartAsync()
    {
        var app = LoopbackWebApp.Create();
        var server = new FakeTelegramServer(app);
        var stopping = app.Lifetime.ApplicationStopping;
        app.Map("/{**path}", (HttpContext context) => server.HandleAsync(context, stopping));
        server.BaseUri = await app.StartListeningAsync();
        return server;
    }

    /// <summary>Queues an update for getUpdates; returns its update_id.</summary>
    public int Enqueue(JsonObject update)
    {
        lock (_lock)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _pending.Add((id, update));
            _changes.Pulse();
            return id;
        }
    }

    /// <summary>The next calls of <paramref name="method"/> answer with these failures, in order.</summary>
    public void Fail(string method, params TelegramFailure[] failures) => _failures.Enqueue(method, failures);

    /// <summary>Forgets the failures still queued for <paramref name="method"/>: its next calls succeed.</summary>
    public void ClearFailures(string method) => _failures.Clear(method);

    /// <summary>What getChatMember answers for this person in this chat (default: member).</summary>
    public void SetMember(long chatId, long userId, string status) => _members[(chatId, userId)] = status;

    /// <summary>This person never pressed Start: Telegram refuses the bot's messages to their private chat.</summary>
    public void NeverStarted(long userId) => _notStarted[userId] = true;

    /// <summary>How many calls of the method have arrived, answered or not (a hanging call counts).</summary>
    public int Arrived(string method) => _arrivals.GetValueOrDefault(method);

    public IReadOnlyList<TelegramRequest> Calls(string method) =>
        Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Waits for a successful sendMessage or sendPhoto to the chat.</summary>
    public Task<TelegramRequest> WaitForSendAsync(long chatId) =>
        WaitForAsync("*", r => r.ChatId == chatId && r.Succeeded && r.Method is "sendMessage" or "sendPhoto");

    /// <summary>Waits (at most a few seconds) for a request matching the predicate; method "*" matches any.</summary>
    public Task<TelegramRequest> WaitForAsync(string method, Func<TelegramRequest, bool>? predicate = null, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(
            () => Requests.FirstOrDefault(r => (method == "*" || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)) && (predicate?.Invoke(r) ?? true)),
            $"a matching {method} request",
            timeout,
            _changes,
            () => string.Join(", ", Requests.Select(r => r.Method + (r.ChatId is { } c ? $"({c})" : "") + ":" + r.Status)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAndDisposeAsync(TimeSpan.FromSeconds(2));
    }

    private async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var slash = path.LastIndexOf('/');
        var token = path.StartsWith("/bot", StringComparison.Ordinal) && slash > 4 ? path[4..slash] : string.Empty;
        var method = slash >= 0 ? path[(slash + 1)..] : string.Empty;
        _arrivals.AddOrUpdate(method, 1, (_, n) => n + 1);
        _changes.Pulse();

        JsonObject body;
        try
        {
            body = context.Request.ContentLength is 0 or null && !context.Request.Headers.ContainsKey("Transfer-Encoding")
                ? []
                : await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            body = [];
        }

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        Answer? answer;
        int status;
        try
        {
            answer = await AnswerAsync(token, method, body, aborted.Token);
            status = answer?.Status ?? 0;
        }
        catch (OperationCanceledException)
        {
            (answer, status) = (null, 499);
        }

        // Recorded before the answer is written, so a client holding its answer finds its request here.
        lock (_lock)
        {
            _requests.Add(new TelegramRequest(method, token, context.Request.ContentType, body, Clock.GetUtcNow(), status));
        }

        _changes.Pulse();
        if (status == 499)
        {
            return;
        }

        if (answer is null)
        {
            context.Abort();
            return;
        }

        try
        {
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body, aborted.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client gave up, or the server is stopping.
        }
    }

    /// <summary>What to answer; null to drop the connection instead.</summary>
    private async Task<Answer?> AnswerAsync(string token, string method, JsonObject body, CancellationToken cancellationToken)
    {
        if (token != Token)
        {
            return Json(401, Error(401, "Unauthorized"));
        }

        if (method.StartsWith("send", StringComparison.Ordinal) && body["chat_id"] is JsonValue chat && chat.TryGetValue<long>(out var chatId) && _notStarted.ContainsKey(chatId))
        {
            return Json(403, Error(403, "Forbidden: bot can't initiate conversation with a user"));
        }

        if (method.StartsWith("send", StringComparison.Ordinal) && Ceiling is { } ceiling && !ceiling.TryAccept())
        {
            var flood = Error(429, "Too Many Requests: retry after 1");
            flood["parameters"] = new JsonObject { ["retry_after"] = 1 };
            return Json(429, flood);
        }

        if (ChatRefusal(method, body) is { } refusal)
        {
            return Json(refusal.Code, Error(refusal.Code, refusal.Description));
        }

        switch (_failures.Next(method))
        {
            case TelegramFailure.ApiError api:
                var parameters = new JsonObject();
                if (api.RetryAfter is { } retry)
                {
                    parameters["retry_after"] = retry;
                }

                if (api.MigrateTo is { } to)
                {
                    parameters["migrate_to_chat_id"] = to;
                }

                var error = Error(api.Code, api.Description);
                if (parameters.Count > 0)
                {
                    error["parameters"] = parameters;
                }

                return Json(api.Code, error);
            case TelegramFailure.HtmlError html:
                return new Answer(html.Status, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
            case TelegramFailure.Drop:
                return null;
            case TelegramFailure.Delay delay:
                await Task.Delay(delay.Duration, cancellationToken);
                break;
        }

        JsonNode? result = method.ToLowerInvariant() switch
        {
            "getme" => new JsonObject
            {
                ["id"] = BotId,
                ["is_bot"] = true,
                ["first_name"] = "NewsBot",
                ["username"] = BotUserName,
                ["can_join_groups"] = true,
                ["can_read_all_group_messages"] = false,
                ["supports_inline_queries"] = true,
            },
            "getupdates" => await UpdatesAsync(body, cancellationToken),
            "sendmessage" or "sendphoto" => Send(body, isPhoto: method.Equals("sendPhoto", StringComparison.OrdinalIgnoreCase)),
            "editmessagetext" or "editmessagereplymarkup" => Edit(body),
            "getchatmember" => Member(body),
            "getchat" => FullChat(body),
            "answercallbackquery" or "answerinlinequery" or "setmycommands" or "setwebhook" or "deletewebhook" => true,
            _ => null,
        };

        if (result is null && method.Equals("getChat", StringComparison.OrdinalIgnoreCase))
        {
            return Json(400, Error(400, "Bad Request: chat not found"));
        }

        return result is null
            ? Json(404, Error(404, "Not Found: method not found"))
            : Json(200, new JsonObject { ["ok"] = true, ["result"] = result });
    }

    private async Task<JsonNode> UpdatesAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var offset = (int?)body["offset"] ?? 0;
        var limit = Math.Clamp((int?)body["limit"] ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, (int?)body["timeout"] ?? 0));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (offset > 0)
                {
                    _pending.RemoveAll(u => u.Id < offset);
                }
                else if (offset < 0 && _pending.Count > -offset)
                {
                    _pending.RemoveRange(0, _pending.Count + offset);
                }

                // Telegram drops the updates of kinds the bot did not ask for, as it skips past them.
                var wanted = AllowedUpdates(body);
                _pending.RemoveAll(u => !wanted(u.Update));
                if (_pending.Count > 0)
                {
                    return new JsonArray(_pending.Take(limit).Select(u => (JsonNode)u.Update.DeepClone()).ToArray());
                }

                changed = _changes.Next;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return new JsonArray();
            }

            await Task.WhenAny(changed, Task.Delay(left, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private JsonObject Send(JsonObject body, bool isPhoto)
    {
        var chatId = ChatIdOf(body);
        lock (_lock)
        {
            var message = TelegramUpdates.Message(_nextMessageId++, chatId, null, isPhoto ? null : (string?)body["text"]);
            var thread = (int?)body["message_thread_id"];
            Dress(message, thread);
            if (isPhoto)
            {
                message["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo-1", ["file_unique_id"] = "u1", ["width"] = 640, ["height"] = 480 });
                message["caption"] = (string?)body["caption"];
            }

            if (body["reply_markup"] is { } markup)
            {
                message["reply_markup"] = markup.DeepClone();
            }

            _sent.Add(new TelegramSentMessage(chatId, (int)message["message_id"]!, (string?)body["text"] ?? (string?)body["caption"], isPhoto, body["reply_markup"]?.DeepClone(), IsForum(chatId) ? thread : null));
            return message;
        }
    }

    private JsonObject Edit(JsonObject body)
    {
        var chatId = ChatIdOf(body);
        var messageId = (int?)body["message_id"] ?? 0;
        lock (_lock)
        {
            var index = _sent.FindIndex(m => m.ChatId == chatId && m.MessageId == messageId);
            if (index >= 0)
            {
                var old = _sent[index];
                _sent[index] = old with
                {
                    Text = (string?)body["text"] ?? old.Text,
                    ReplyMarkup = body["reply_markup"]?.DeepClone(),
                };
            }

            var message = TelegramUpdates.Message(messageId, chatId, null, (string?)body["text"]);
            if (body["reply_markup"] is { } markup)
            {
                message["reply_markup"] = markup.DeepClone();
            }

            return message;
        }
    }

    private JsonObject Member(JsonObject body)
    {
        var chatId = ChatIdOf(body);
        var userId = (long?)body["user_id"] ?? 0;
        var status = _members.GetValueOrDefault((chatId, userId), IsChannel(chatId) ? "left" : "member");
        var member = new JsonObject { ["status"] = status, ["user"] = userId == BotId ? TelegramUpdates.Bot() : TelegramUpdates.User(userId) };
        switch (status)
        {
            case "creator":
                member["is_anonymous"] = false;
                break;
            case "administrator":
                foreach (var right in new[] { "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories" })
                {
                    member[right] = right == "can_manage_chat";
                }

                if (IsChannel(chatId))
                {
                    member["can_post_messages"] = MayPost(chatId, userId);
                    member["can_edit_messages"] = true;
                }

                break;
            case "kicked":
                member["until_date"] = 0;
                break;
        }

        return member;
    }

    private long ChatIdOf(JsonObject body) => body["chat_id"] switch
    {
        JsonValue v when v.TryGetValue<long>(out var id) => id,
        JsonValue v when v.TryGetValue<string>(out var name) && ChannelNamed(name) is { } named => named,
        JsonValue v when v.TryGetValue<string>(out var name) => -1_000_000_000_000 - Math.Abs(name.GetHashCode(StringComparison.Ordinal) % 1000),
        _ => 0,
    };

    private static JsonObject Error(int code, string description) =>
        new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private static Answer Json(int status, JsonObject body) => new(status, "application/json", body.ToJsonString());

    /// <summary>A response, decided before it is written.</summary>
    private sealed record Answer(int Status, string ContentType, string Body);
}
