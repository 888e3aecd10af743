using System.Text.Json;
using Microsoft.Extensions.Hosting;

namespace NewsBot.Monitoring;

/// <summary>
/// Runs every readiness check and writes the answer of <c>/readyz</c>: one entry per check, ready
/// only when all pass. While the bot starts only <see cref="StartedCheck"/> runs: the others
/// would reach for the database while the start-up read of every article still owns it.
/// </summary>
internal sealed class ReadinessReport(IEnumerable<IReadinessCheck> checks, IHostApplicationLifetime lifetime)
{
    public const string NotYet = "not checked until start-up is done";

    public IReadOnlyList<(string Name, CheckResult Result)> Run()
    {
        var started = lifetime.ApplicationStarted.IsCancellationRequested;
        return checks.Select(check => (check.Name, started || check is StartedCheck ? Safely(check) : CheckResult.Fail(NotYet))).ToList();
    }

    public static void Write(Utf8JsonWriter json, IReadOnlyList<(string Name, CheckResult Result)> results)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(results);
        json.WriteStartObject();
        json.WriteString("status", results.All(r => r.Result.Healthy) ? "pass" : "fail");
        json.WriteStartObject("checks");
        foreach (var (name, result) in results)
        {
            json.WriteStartObject(name);
            json.WriteString("status", result.Healthy ? "pass" : "fail");
            json.WriteString("detail", result.Detail);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static CheckResult Safely(IReadinessCheck check)
    {
        try
        {
            return check.Check();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return CheckResult.Fail($"the check itself failed: {ex.Message}");
        }
    }
}
