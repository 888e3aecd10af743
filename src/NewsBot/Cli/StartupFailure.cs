namespace NewsBot.Cli;

/// <summary>Turns the ways start-up can fail into one clear message and an exit code.</summary>
internal static class StartupFailure
{
    public const int ExitCode = 2;

    public static bool TryDescribe(Exception exception, out string message)
    {
        switch (exception)
        {
            case OptionsValidationException options:
                message = "NewsBot cannot start: the configuration has problems.\n  " + string.Join("\n  ", options.Failures) +
                          "\nFix them in appsettings.json or override them with environment variables (Section__Key).";
                return true;
            case InvalidDataException { InnerException: { } cause } settingsFile:
                message = "NewsBot cannot start: " + settingsFile.Message + " " + WhereAndWhy(Innermost(cause));
                return true;
            case DatabaseUnavailableException database:
                message = "NewsBot cannot start: " + database.Message;
                return true;
            case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                return TryDescribe(aggregate.InnerExceptions[0], out message);
            case InvalidOperationException { InnerException: { } inner }:
                return TryDescribe(inner, out message);
            default:
                message = string.Empty;
                return false;
        }
    }

    /// <summary>
    /// The JSON reader counts lines and bytes from zero and appends them to its message; people
    /// count from one, as their editor does.
    /// </summary>
    private static string WhereAndWhy(Exception cause)
    {
        if (cause is not System.Text.Json.JsonException { LineNumber: { } line } json)
        {
            return cause.Message;
        }

        var reason = json.Message;
        var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }

        var column = json.BytePositionInLine is { } position ? $", character {position + 1}" : "";
        return $"Line {line + 1}{column}: {reason}";
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
