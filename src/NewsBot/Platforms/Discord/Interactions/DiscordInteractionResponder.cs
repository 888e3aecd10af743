namespace NewsBot.Platforms.Discord.Interactions;

/// <summary>
/// Answers one interaction through the core. A fast answer goes out directly as the interaction
/// response; a command still working after <see cref="DiscordInteractionTuning.DeferAfter"/> is
/// deferred and its answer edited in when ready, so Discord's 3 s window is always met. Personal
/// answers (bookmarks) and mistakes are ephemeral; a page button updates its own message.
/// Never throws except on cancellation.
/// </summary>
internal sealed class DiscordInteractionResponder(
    DiscordRestClient rest,
    CommandRouter router,
    DiscordAutocomplete autocomplete,
    DiscordRoleCheck roles,
    DiscordInteractionTuning tuning,
    TimeProvider time,
    ILogger<DiscordInteractionResponder> logger)
{
    /// <summary>The keys of the one-line answers for requests that cannot be handled.</summary>
    public const string StaleButton = "discord.staleButton";
    public const string Busy = "discord.busy";
    public const string Unreadable = "discord.unreadable";

    public async Task RespondAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        try
        {
            switch (interaction.Kind)
            {
                case DiscordInteractionKind.Autocomplete:
                    await rest.RespondAsync(interaction.Id, interaction.Token, DiscordInteractionResponse.Choices(await SuggestAsync(interaction, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
                    break;
                case DiscordInteractionKind.Component when !ButtonPayload.Decode(interaction.CustomId!).Command.StartsWith('/'):
                    await SayAsync(interaction.Id, interaction.Token, StaleButton, interaction.Locale, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await AnswerAsync(interaction, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DiscordApiException ex) when (ex.Failure is DiscordFailure.UnknownInteraction or DiscordFailure.AlreadyAcknowledged or DiscordFailure.UnknownWebhook)
        {
            logger.LogTooLate(interaction.Id, ex.DiscordMessage);
        }
        catch (Exception ex)
        {
            logger.LogAnswerFailed(ex, interaction.Id, interaction.Kind);
        }
    }

    /// <summary>An ephemeral one-line answer, for a request that cannot be handled, in the language of the person's Discord.</summary>
    /// <param name="key">The text's key: <see cref="StaleButton"/>, <see cref="Busy"/> or <see cref="Unreadable"/>.</param>
    public Task SayAsync(string interactionId, string token, string key, string? locale, CancellationToken cancellationToken)
    {
        var text = LanguageCatalog.Default.ForTag(locale).Get(key);
        return rest.RespondAsync(interactionId, token, DiscordInteractionResponse.Message(new DiscordMessage { Content = text, Flags = DiscordMessage.EphemeralFlag }), cancellationToken);
    }

    private async Task<IReadOnlyList<DiscordChoice>> SuggestAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            return await autocomplete.SuggestAsync(interaction, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No suggestions beat a failed box: the person can still type.
            logger.LogAutocompleteFailed(ex, interaction.CommandName);
            return [];
        }
    }

    private async Task AnswerAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var incoming = DiscordInteractionMapper.ToIncoming(interaction);
        if (interaction.InServer)
        {
            incoming = incoming with { AskRoleMention = (role, ct) => roles.CheckAsync(interaction, role, ct) };
        }

        var pageTurn = incoming.IsButton && incoming.PressedKind == ButtonKind.PageTurn;
        var work = router.HandleAsync(incoming, botUserName: null, cancellationToken).AsTask();

        var deferred = false;
        if (!await FinishesInTimeAsync(work, cancellationToken).ConfigureAwait(false))
        {
            var defer = pageTurn
                ? new DiscordInteractionResponse(DeferredUpdate)
                : DiscordInteractionResponse.Defer(ephemeral: IsPersonal(incoming.Text));
            await rest.RespondAsync(interaction.Id, interaction.Token, defer, cancellationToken).ConfigureAwait(false);
            deferred = true;
        }

        var reply = DiscordForumButtons.Aimed(await work.ConfigureAwait(false) ?? NoAnswer(interaction.Locale), incoming.Chat);
        var messages = DiscordRenderer.Render(reply, time.GetUtcNow());
        var personal = reply.IsPersonal || reply.IsProblem;
        var inPlace = pageTurn && messages.Count == 1 && !reply.IsProblem;
        var first = inPlace ? messages[0] : Flagged(messages[0], personal);

        if (!deferred)
        {
            var response = inPlace ? DiscordInteractionResponse.Update(first) : DiscordInteractionResponse.Message(first);
            await rest.RespondAsync(interaction.Id, interaction.Token, response, cancellationToken).ConfigureAwait(false);
        }
        else if (pageTurn && !inPlace)
        {
            // The deferred update would overwrite the list; say it underneath instead.
            await rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, first, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Whether it is ephemeral was settled by the defer; an edit may not change it.
            await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, messages[0], cancellationToken).ConfigureAwait(false);
        }

        foreach (var more in messages.Skip(1))
        {
            await rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, Flagged(more, personal), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Reply NoAnswer(string? locale)
    {
        var language = LanguageCatalog.Default.Match(locale) ?? LanguageCatalog.Default.English;
        return Reply.Problem(LanguageCatalog.Default.For(language).Get("discord.noAnswer")) with { Language = language.Code };
    }

    /// <summary>Callback type 6: acknowledge a button now, edit its message later.</summary>
    private const int DeferredUpdate = 6;

    private async Task<bool> FinishesInTimeAsync(Task work, CancellationToken cancellationToken)
    {
        if (tuning.DeferAfter <= TimeSpan.Zero)
        {
            return false;
        }

        if (work.IsCompleted)
        {
            return true;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(tuning.DeferAfter, time, stop.Token);
        var first = await Task.WhenAny(work, timer).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        return first == work;
    }

    private static DiscordMessage Flagged(DiscordMessage message, bool personal) =>
        personal ? message with { Flags = (message.Flags ?? 0) | DiscordMessage.EphemeralFlag } : message;

    /// <summary>Answers about the asker's own things are for their eyes only, decided before the answer exists (to defer).</summary>
    private static bool IsPersonal(string commandLine) =>
        CommandParser.Parse(commandLine) is ParsedCommand command && CommandCatalog.Find(command.Name)?.Audience == CommandAudience.EachUser;
}
