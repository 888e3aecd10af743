using Microsoft.Extensions.Options;
using NewsBot.Storage;

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
                // "Failed to load configuration from file '…'." around the parser's own words,
                // which hold the line and the position.
                message = "NewsBot cannot start: " + settingsFile.Message + " " + Innermost(cause).Message;
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

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
