namespace NewsBot.Platforms.Terminal;

/// <summary>
/// A chat with the bot in the terminal. The person at the keyboard is the operator
/// (<c>terminal:local</c>) and counts as an admin. With a terminal it shows a prompt; with
/// piped input it answers one command per line and ends at the end of input. It speaks the
/// language of the operating system (LC_ALL, LC_MESSAGES or LANG, as .NET reads them into
/// <see cref="CultureInfo.CurrentUICulture"/>), the nearest one NewsBot has, until /language
/// chooses another.
/// </summary>
internal sealed class TerminalChat(CommandRouter router, LanguageChoice languages, TimeProvider time, ILogger<TerminalChat> logger)
{
    public static readonly ChatAddress Chat = new(PlatformNames.Terminal, "local");
    public static readonly UserAddress Operator = new(PlatformNames.Terminal, "local");

    public async Task RunAsync(TextReader input, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        if (interactive)
        {
            var texts = await TextsAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(texts.Get("terminal.welcome")).ConfigureAwait(false);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive)
            {
                await output.WriteAsync("> ").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            string? line;
            try
            {
                // Console input blocks inside ReadLine whatever the token says, so the read runs
                // aside and the chat stops waiting for it when cancelled.
                line = await Task.Run(() => input.ReadLine(), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                break;
            }

            var trimmed = line.Trim();
            if (trimmed is "/quit" or "/exit")
            {
                break;
            }

            if (!interactive && trimmed.Length > 0)
            {
                // Echo piped commands so the transcript shows what each answer answers.
                await output.WriteLineAsync("> " + CommandParser.Clean(trimmed)).ConfigureAwait(false);
            }

            await AnswerAsync(line, output, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(string line, TextWriter output, CancellationToken cancellationToken)
    {
        var message = Message(line);
        try
        {
            var reply = await router.HandleAsync(message, botUserName: null, cancellationToken).ConfigureAwait(false);
            if (reply is not null)
            {
                await output.WriteAsync(TerminalRenderer.Render(reply, time.GetUtcNow())).ConfigureAwait(false);
                await output.WriteLineAsync().ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogAnswerFailed(ex);
            var texts = await TextsAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(texts.Get("terminal.failed")).ConfigureAwait(false);
        }
    }

    /// <summary>A line typed by the operator, who uses the system's language (an empty tag for C and POSIX, which is English).</summary>
    private static IncomingMessage Message(string line) =>
        new(Chat, ChatKind.Private, null, Operator, Environment.UserName, line, IsChatAdmin: true) { LanguageTag = CultureInfo.CurrentUICulture.Name };

    /// <summary>The words the chat itself writes, in the language its answers come in.</summary>
    private async Task<Texts> TextsAsync(CancellationToken cancellationToken) =>
        LanguageCatalog.Default.For(await languages.ForPersonAsync(Message(""), cancellationToken).ConfigureAwait(false));
}
