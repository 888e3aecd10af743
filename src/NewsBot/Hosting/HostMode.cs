namespace NewsBot.Hosting;

internal enum HostMode
{
    /// <summary>Every configured platform, feeds polled in the background.</summary>
    Service,

    /// <summary>The terminal chat in the foreground; logs go to stderr.</summary>
    TerminalChat,
}
