using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NewsBot.Platforms.Telegram;

/// <summary>
/// The web server Telegram posts updates to in webhook mode. It answers only POSTs on the
/// webhook's path that carry the right <c>X-Telegram-Bot-Api-Secret-Token</c>; anything else
/// gets 401 or 404. Updates take the same path as long polling.
/// </summary>
internal sealed class TelegramWebhookServer(
    IOptions<TelegramOptions> options,
    IServiceProvider services,
    ILoggerFactory loggerFactory,
    ILogger<TelegramWebhookServer> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const long MaxBodyBytes = 1024 * 1024;
    private const int RememberedUpdates = 1000;

    private readonly TaskCompletionSource<IReadOnlyList<string>> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RecentIds<int> _recent = new(RememberedUpdates);

    /// <summary>The addresses the server listens on, once it does (tests listen on port 0).</summary>
    public Task<IReadOnlyList<string>> Listening => _listening.Task;

    /// <summary>Serves until cancelled; <paramref name="register"/> runs once the server listens.</summary>
    public async Task RunAsync(Func<Task> register, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var app = ListenerBuilder.Create(settings.WebhookListenUrl.Trim(), MaxBodyBytes, loggerFactory).Build();
        var handler = services.GetRequiredService<TelegramUpdateHandler>();
        var expected = Encoding.UTF8.GetBytes(settings.WebhookSecret.Trim());
        app.MapPost(settings.WebhookPath, (HttpContext context) => ReceiveAsync(context, handler, expected, cancellationToken));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var addresses = ListenerBuilder.BoundAddresses(app);
            logger.LogListening(string.Join(", ", addresses), settings.WebhookPath);
            _listening.TrySetResult(addresses);
            await register().ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(stopping.Token).ConfigureAwait(false);
        }
    }

    private async Task ReceiveAsync(HttpContext context, TelegramUpdateHandler handler, byte[] expected, CancellationToken stopping)
    {
        var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Telegram redelivers an update it got no answer for in time; handle each once.
        // Answered only once handled and delivered: until then Telegram keeps it, and sends it
        // again after a crash. Other chats' requests are handled meanwhile.
        if (_recent.Add(update.Id))
        {
            var delivered = await handler.ScheduleAsync(update, stopping).ConfigureAwait(false);
            await delivered.ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
