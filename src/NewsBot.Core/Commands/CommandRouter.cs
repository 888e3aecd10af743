using NewsBot.Core.Telemetry;

namespace NewsBot.Core.Commands;

/// <summary>
/// The one way into the core: parses a message, checks who may run it, calls the handler and
/// turns every failure into a short, friendly answer. Never throws except on cancellation.
/// </summary>
public sealed class CommandRouter
{
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly ChatDirectory _directory;
    private readonly ChatTargets _targets;
    private readonly LanguageChoice _languages;
    private readonly AdminList _admins;
    private readonly CommandRateLimiter _rate;
    private readonly ILogger<CommandRouter> _logger;
    private readonly NewsBotMetrics _metrics;
    private readonly TimeProvider _time;

    public CommandRouter(
        IEnumerable<ICommandHandler> handlers, ChatDirectory directory, ChatTargets targets, LanguageChoice languages, AdminList admins, CommandRateLimiter rate, NewsBotMetrics metrics, TimeProvider time, ILogger<CommandRouter> logger)
    {
        _handlers = handlers.ToDictionary(h => h.Command.Name, StringComparer.Ordinal);
        _directory = directory;
        _targets = targets;
        _languages = languages;
        _admins = admins;
        _rate = rate;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>The commands this router answers, in catalog order.</summary>
    public IReadOnlyList<CommandInfo> Commands =>
        CommandCatalog.All.Where(c => _handlers.ContainsKey(c.Name)).ToList();

    /// <summary>The answer to a message, or null when the message is not for the bot.</summary>
    public async ValueTask<Reply?> HandleAsync(IncomingMessage message, string? botUserName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message = message with
        {
            Text = DisguisingCharacters.Strip(message.Text),
            UserName = DisguisingCharacters.Strip(message.UserName),
            ChatTitle = DisguisingCharacters.StripOrNull(message.ChatTitle),
        };
        var parsed = CommandParser.Parse(message.Text, botUserName);
        ParsedCommand command;
        switch (parsed)
        {
            case ParsedCommand c:
                command = c;
                break;
            case PlainText text when message.IsPrivate:
                // In a private chat, plain words are a search: the most useful guess.
                command = new ParsedCommand(CommandCatalog.Search.Name, text.Text);
                break;
            default:
                return null;
        }

        var isBotAdmin = _admins.IsAdmin(message.User);
        switch (_rate.Take(message.User, isBotAdmin))
        {
            case RateDecision.SlowDown:
                // No database read for someone who floods: the language their platform reports.
                _logger.LogSlowDown(message.User.Key);
                var hurried = LanguageCatalog.Default.Match(message.LanguageTag) ?? LanguageCatalog.Default.English;
                return Reply.Problem(LanguageCatalog.Default.For(hurried).Get("router.slowDown")) with { Language = hurried.Code };
            case RateDecision.Ignore:
                return null;
        }

        using var scope = _logger.BeginScope("/{Command} from {User} in {Chat}", command.Name, message.User.Key, message.Chat.Key);

        try
        {
            // A person who had blocked the bot says "talk to me again" with any command (/start as a rule).
            await _directory.SeenAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Remembering the chat is secondary: the person still gets an answer.
            _logger.LogChatNotRecorded(ex, message.Chat.Key);
        }

        var started = _time.GetTimestamp();
        var language = await _languages.ForPersonAsync(message, cancellationToken).ConfigureAwait(false);
        var texts = LanguageCatalog.Default.For(language);
        if (!_handlers.TryGetValue(command.Name, out var handler))
        {
            // Unknown names are not used as a tag: anyone could fill the metrics with made-up ones.
            _metrics.CommandAnswered("unknown", NewsBotMetrics.CommandOutcomes.Unknown, _time.GetElapsedTime(started));
            return UnknownCommand(command.Name, texts) with { Language = texts.Code };
        }

        // A forum topic, or a channel named from a private chat: the handler then runs as if there.
        var target = await _targets.ResolveAsync(message, handler.Command, command.Arguments, texts, cancellationToken).ConfigureAwait(false);
        var request = new CommandRequest(target.Message, target.Arguments, isBotAdmin) { Texts = texts, NamedChat = target.Channel?.Channel?.Id };
        if ((target.Refusal ?? await RefusalAsync(handler.Command, request, cancellationToken).ConfigureAwait(false)) is { } refusal)
        {
            _metrics.CommandAnswered(handler.Command.Name, NewsBotMetrics.CommandOutcomes.Refused, _time.GetElapsedTime(started));
            return refusal with { Language = texts.Code };
        }

        // A topic's language is its group's.
        var languageChat = target.Message.ChatKind == ChatKind.ForumTopic ? message : target.Message;
        await KeepChatLanguageAsync(languageChat, language, IsChatAdminShown(handler.Command, request), cancellationToken).ConfigureAwait(false);
        try
        {
            var reply = target.Present(await handler.HandleAsync(request, cancellationToken).ConfigureAwait(false), texts);
            _metrics.CommandAnswered(handler.Command.Name, NewsBotMetrics.CommandOutcomes.Answered, _time.GetElapsedTime(started));
            return reply with { Language = reply.Language ?? texts.Code };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _metrics.CommandAnswered(handler.Command.Name, NewsBotMetrics.CommandOutcomes.Failed, _time.GetElapsedTime(started));
            _logger.LogCommandFailed(ex, command.Name);
            return Reply.Problem(texts.Get("router.failed")) with { Language = texts.Code };
        }
    }

    /// <summary>Whether the sender has been seen to administer this chat: told by the platform, or let through the rights check just now.</summary>
    private static bool IsChatAdminShown(CommandInfo command, CommandRequest request) =>
        request.Message.IsChatAdmin || (command.Audience == CommandAudience.ChatAdmins && request.Arguments.Trim().Length > 0 && !request.IsBotAdmin);

    private async Task KeepChatLanguageAsync(IncomingMessage message, Language language, bool senderIsChatAdmin, CancellationToken cancellationToken)
    {
        try
        {
            await _languages.KeepChatLanguageAsync(message, language, senderIsChatAdmin, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Like remembering the chat: secondary, the person still gets an answer.
            _logger.LogChatNotRecorded(ex, message.Chat.Key);
        }
    }

    /// <summary>
    /// The one place rights are checked, from the catalog: bot admins' commands, and commands that
    /// change a group's settings, which need a chat admin (asked of the adapter only then).
    /// </summary>
    private static async ValueTask<Reply?> RefusalAsync(CommandInfo command, CommandRequest request, CancellationToken cancellationToken)
    {
        switch (command.Audience)
        {
            case CommandAudience.BotAdmins when !request.IsBotAdmin:
                return Reply.Problem(request.Texts.Get("router.botAdminsOnly", ("command", command.Name)));
            case CommandAudience.ChatAdmins when !request.IsBotAdmin
                && !(command.ShowsWithoutArguments && request.Arguments.Trim().Length == 0)
                && !await request.Message.IsSenderChatAdminAsync(cancellationToken).ConfigureAwait(false):
                return Reply.Problem(command.RefusalForMembers(request.Texts) ?? request.Texts.Get("router.chatAdminsOnly", ("command", command.Name)));
            default:
                return null;
        }
    }

    private Reply UnknownCommand(string name, Texts texts)
    {
        if (name.Length == 0)
        {
            return Reply.Problem(texts.Get("router.empty"));
        }

        return Suggestions.Closest(name, _handlers.Keys) is { } suggestion
            ? Reply.Problem(texts.Get("router.unknownSuggest", ("command", Truncate(name)), ("suggestion", suggestion)))
            : Reply.Problem(texts.Get("router.unknown", ("command", Truncate(name))));
    }

    private static string Truncate(string value) => Quoted.Shorten(value, 32);
}
