namespace NewsBot.Monitoring;

/// <summary>
/// Runs every readiness check and writes the answer of <c>/readyz</c>: one entry per check, ready
/// only when all pass. While the bot starts only <see cref="StartedCheck"/> runs: the others
/// would reach for the database while the start-up read of every article still owns it.
/// </summary>
internal sealed class ReadinessReport(IEnumerable<IReadinessCheck> checks, IHostApplicationLifetime lifetime)
{
    public const string NotYet = "not checked until start-up is done";

    public async Task<IReadOnlyList<(string Name, CheckResult Result)>> RunAsync(CancellationToken cancellationToken)
    {
        var started = lifetime.ApplicationStarted.IsCancellationRequested;
        var results = new List<(string Name, CheckResult Result)>();
        foreach (var check in checks)
        {
            results.Add((check.Name, started || check is StartedCheck ? await SafelyAsync(check, cancellationToken).ConfigureAwait(false) : CheckResult.Fail(NotYet)));
        }

        return results;
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

    private static async ValueTask<CheckResult> SafelyAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        try
        {
            return await check.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return CheckResult.Fail($"the check itself failed: {ex.Message}");
        }
    }
}
