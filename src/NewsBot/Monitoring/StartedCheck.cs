namespace NewsBot.Monitoring;

/// <summary>Ready only between the end of start-up (index filled, first feed round done) and the start of shutdown.</summary>
internal sealed class StartedCheck(IHostApplicationLifetime lifetime) : IReadinessCheck
{
    public string Name => "started";

    public ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken) => ValueTask.FromResult(
        lifetime.ApplicationStopping.IsCancellationRequested ? CheckResult.Fail("shutting down")
        : lifetime.ApplicationStarted.IsCancellationRequested ? CheckResult.Pass("running")
        : CheckResult.Fail("starting: reading the database and the feeds"));
}
