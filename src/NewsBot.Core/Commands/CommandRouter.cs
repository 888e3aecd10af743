using NewsBot.Core.Telemetry;

namespace NewsBot.Core.Commands;

/// <summary>
/// The one way into the core: parses a message, checks who may run it, calls the handler and
/// turns every failure into a short, friendly answer. Never throws except on cancellation.
/// </summary>
public sealed partial class CommandRouter
{
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly ChatDirectory _directory;
    private readonly AdminList _admins;
    private readonly CommandRateLimiter _rate;
    private readonly ILogger<CommandRouter> _logger;
    private readonly NewsBotMetrics _metrics;
    private readonly TimeProvider _time;

    public CommandRouter(
        IEnumerable<ICommandHandler> handlers, ChatDirectory directory, AdminList admins, CommandRateLimiter rate, NewsBotMetrics metrics, TimeProvider time, ILogger<CommandRouter> logger)
    {
        _handlers = handlers.ToDictionary(h => h.Command.Name, StringComparer.Ordinal);
        _directory = directory;
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
                LogSlowDown(_logger, message.User.Key);
                return Reply.Problem("You're sending commands faster than I can answer them. Please wait a little; I'll answer again in a few seconds.");
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
            LogChatNotRecorded(_logger, ex, message.Chat.Key);
        }

        var started = _time.GetTimestamp();
        if (!_handlers.TryGetValue(command.Name, out var handler))
        {
            // Unknown names are not used as a tag: anyone could fill the metrics with made-up ones.
            _metrics.CommandAnswered("unknown", NewsBotMetrics.CommandOutcomes.Unknown, _time.GetElapsedTime(started));
            return UnknownCommand(command.Name);
        }

        var request = new CommandRequest(message, command.Arguments, isBotAdmin);
        if (await RefusalAsync(handler.Command, request, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            _metrics.CommandAnswered(handler.Command.Name, NewsBotMetrics.CommandOutcomes.Refused, _time.GetElapsedTime(started));
            return refusal;
        }

        try
        {
            var reply = await handler.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            _metrics.CommandAnswered(handler.Command.Name, NewsBotMetrics.CommandOutcomes.Answered, _time.GetElapsedTime(started));
            return reply;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _metrics.CommandAnswered(handler.Command.Name, NewsBotMetrics.CommandOutcomes.Failed, _time.GetElapsedTime(started));
            LogCommandFailed(_logger, ex, command.Name);
            return Reply.Problem("Sorry, something went wrong on my side while answering that. It has been logged; please try again in a moment.");
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
                return Reply.Problem($"/{command.Name} is for the bot's admins only.");
            case CommandAudience.ChatAdmins when !request.IsBotAdmin
                && !(command.ShowsWithoutArguments && request.Arguments.Trim().Length == 0)
                && !await request.Message.IsSenderChatAdminAsync(cancellationToken).ConfigureAwait(false):
                return Reply.Problem(command.RefusalForMembers ?? $"Only this chat's admins can use /{command.Name}.");
            default:
                return null;
        }
    }

    private Reply UnknownCommand(string name)
    {
        if (name.Length == 0)
        {
            return Reply.Problem("That's an empty command. Type /help to see what I can do.");
        }

        var suggestion = Suggestions.Closest(name, _handlers.Keys);
        var hint = suggestion is null ? string.Empty : $" Did you mean /{suggestion}?";
        return Reply.Problem($"I don't know /{Truncate(name)}.{hint} Type /help to see every command.");
    }

    private static string Truncate(string value) => value.Length <= 32 ? value : value[..32] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "{User} is sending commands faster than the rate limit; answering once, then not until it refills")]
    private static partial void LogSlowDown(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record chat {Chat}")]
    private static partial void LogChatNotRecorded(ILogger logger, Exception exception, string chat);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command /{Command} failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, string command);
}
