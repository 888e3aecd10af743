namespace NewsBot.Hosting;

/// <summary>
/// How log lines look, from <c>Logging:Console:FormatterName</c>: <c>simple</c> (one line for
/// people, the default), <c>json</c> (one JSON object per line for log collectors, with scopes,
/// so a line about a chat, source or send carries its id as a field) or <c>systemd</c> (syslog
/// priority prefixes and no timestamp, for journald, which stamps lines itself).
/// </summary>
internal static class ConsoleLogFormat
{
    public const string Key = "Logging:Console:FormatterName";

    public static void AddConsole(ILoggingBuilder logging, IConfiguration configuration)
    {
        var name = configuration[Key]?.Trim() ?? string.Empty;
        switch (name.ToUpperInvariant())
        {
            case "" or "SIMPLE":
                logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                });
                break;
            case "JSON":
                logging.AddJsonConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
                });
                break;
            case "SYSTEMD":
                logging.AddSystemdConsole(o => o.IncludeScopes = false);
                break;
            default:
                throw new OptionsValidationException(Key, typeof(ILoggingBuilder), [$"{Key} must be simple, json or systemd; got \"{name}\"."]);
        }
    }
}
