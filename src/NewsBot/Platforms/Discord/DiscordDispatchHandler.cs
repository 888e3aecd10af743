using NewsBot.Platforms.Discord.Interactions;

namespace NewsBot.Platforms.Discord;

/// <summary>
/// What NewsBot does with the gateway's events. <c>READY</c> teaches it the application id and
/// registers the slash commands; <c>INTERACTION_CREATE</c> is read, de-duplicated and answered on
/// a task of its own, so the gateway's queue never waits behind a slow command;
/// <c>CHANNEL_DELETE</c> and <c>THREAD_DELETE</c> stop deliveries to the channel or thread, and a
/// <c>THREAD_UPDATE</c> that reopens a thread ends its pause. Never throws except on cancellation.
/// </summary>
internal sealed class DiscordDispatchHandler(
    DiscordInteractionResponder responder,
    DiscordCommandRegistrar registrar,
    DiscordApplication application,
    ChatLifecycle chats,
    IOutboxStore outbox,
    DiscordInteractionTuning tuning,
    TimeProvider time,
    ILogger<DiscordDispatchHandler> logger) : IDiscordDispatchHandler, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _slots = new(Math.Max(1, tuning.MaxConcurrent));
    private readonly TimeSpan _slotWait = tuning.DeferAfter > TimeSpan.Zero ? tuning.DeferAfter : TimeSpan.Zero;
    private readonly CancellationTokenSource _stopping = new();
    private readonly RecentIds<string> _seen = new(capacity: 4096, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _disposed;

    public async Task HandleAsync(string eventName, JsonElement data, CancellationToken cancellationToken)
    {
        try
        {
            switch (eventName)
            {
                case "READY":
                    OnReady(data);
                    break;
                case "INTERACTION_CREATE":
                    await OnInteractionAsync(data, cancellationToken).ConfigureAwait(false);
                    break;
                case "CHANNEL_DELETE":
                case "THREAD_DELETE":
                    await OnChannelDeletedAsync(data, cancellationToken).ConfigureAwait(false);
                    break;
                case "THREAD_UPDATE":
                    await OnThreadUpdatedAsync(data, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogEventFailed(ex, eventName);
        }
    }

    /// <summary>Waits until every interaction started so far has been answered (and the command registration is done).</summary>
    public Task DrainAsync() => Task.WhenAll(_running.Keys.ToList());

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await DrainAsync().WaitAsync(ShutdownWait).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Each task logs its own failure; disposing must not throw it again into the host's shutdown.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Stopped mid-answer, or a task failed.
        }

        _stopping.Dispose();
        _slots.Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        try
        {
            DrainAsync().Wait(ShutdownWait);
        }
#pragma warning disable CA1031 // Each task logs its own failure; disposing must not throw it again into the host's shutdown.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Stopped mid-answer, or a task failed.
        }

        _stopping.Dispose();
        _slots.Dispose();
    }

    private void OnReady(JsonElement data)
    {
        var applicationId = DiscordJson.Object(data, "application") is { } sent ? DiscordJson.String(sent, "id") : null;
        if (DiscordChats.IsSnowflake(applicationId))
        {
            application.Learn(applicationId!);
        }

        Track(Task.Run(() => registrar.EnsureRegisteredAsync(application.Id, _stopping.Token), CancellationToken.None));
    }

    private async Task OnInteractionAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var interaction = DiscordInteractionParser.TryParse(data, out var problem);
        if (interaction is null)
        {
            await RefuseAsync(data, problem, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!_seen.Add(interaction.Id))
        {
            return;
        }

        if (!await WaitForSlotAsync(cancellationToken).ConfigureAwait(false))
        {
            // Waiting longer would miss Discord's 3 s window and hold up every event behind this one.
            logger.LogTooBusy(interaction.Id);
            Track(Task.Run(() => SayBusyAsync(interaction), CancellationToken.None));
            return;
        }

        Track(Task.Run(
            async () =>
            {
                try
                {
                    await responder.RespondAsync(interaction, _stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            },
            CancellationToken.None));
    }

    private async Task<bool> WaitForSlotAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(_slotWait, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _slots.WaitAsync(wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task SayBusyAsync(DiscordInteraction interaction)
    {
        try
        {
            await responder.SayAsync(interaction.Id, interaction.Token, DiscordInteractionResponder.Busy, interaction.Locale, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRateLimitedException or DiscordUnavailableException)
        {
            logger.LogBusyNotSaid(interaction.Id, ex.Message);
        }
    }

    /// <summary>A payload NewsBot cannot read still gets an answer when it says where to send one.</summary>
    private async Task RefuseAsync(JsonElement data, string problem, CancellationToken cancellationToken)
    {
        logger.LogUnreadable(problem);
        var id = DiscordJson.String(data, "id");
        var token = DiscordJson.String(data, "token");
        var type = DiscordJson.Integer(data, "type");
        if (!DiscordChats.IsSnowflake(id) || string.IsNullOrEmpty(token) || type is not (2 or 3) || !_seen.Add(id!))
        {
            return;
        }

        try
        {
            await responder.SayAsync(id!, token, DiscordInteractionResponder.Unreadable, DiscordJson.String(data, "locale"), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRateLimitedException or DiscordUnavailableException)
        {
            logger.LogUnreadableNotAnswered(ex.Message);
        }
    }

    private async Task OnChannelDeletedAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var channelId = DiscordJson.String(data, "id");
        if (!DiscordChats.IsSnowflake(channelId))
        {
            return;
        }

        // A forum is known under its own key as well; a thread only under its id.
        foreach (var chat in new[] { DiscordChats.Channel(channelId!), DiscordChats.Forum(channelId!) })
        {
            if (await chats.DeactivateAsync(chat, "the channel was deleted", cancellationToken).ConfigureAwait(false))
            {
                logger.LogChannelDeleted(chat);
            }
        }
    }

    /// <summary>A thread taken out of the archive and not locked takes messages again.</summary>
    private async Task OnThreadUpdatedAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var threadId = DiscordJson.String(data, "id");
        if (!DiscordChats.IsSnowflake(threadId) || DiscordJson.Object(data, "thread_metadata") is not { } state)
        {
            return;
        }

        var open = !Flag(state, "archived") && !Flag(state, "locked");
        var thread = DiscordChats.Channel(threadId!);
        if (open && await chats.ResumeAsync(thread, cancellationToken).ConfigureAwait(false))
        {
            await outbox.ReleasePendingAsync(thread.Key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            logger.LogThreadReopened(threadId!);
        }
    }

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>Keeps a background task until it ends, so disposing waits for it.</summary>
    internal void Track(Task task)
    {
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
