using Microsoft.Extensions.Hosting.Internal;

namespace NewsBot.Tests.Monitoring;

public sealed class ReadinessReportTests
{
    [Fact]
    public async Task Run_WhileStarting_RunsOnlyTheStartedCheckAndListsTheOthers()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var database = new CountingCheck("database");
        var report = new ReadinessReport([new StartedCheck(lifetime), database], lifetime);

        var results = await report.RunAsync(CancellationToken.None);

        Assert.Equal(0, database.Runs);
        Assert.Equal(["started", "database"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.False(r.Result.Healthy));
        Assert.Equal(ReadinessReport.NotYet, results[1].Result.Detail);
    }

    [Fact]
    public async Task Run_OnceStarted_RunsEveryCheck()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var database = new CountingCheck("database");
        var report = new ReadinessReport([new StartedCheck(lifetime), database], lifetime);
        lifetime.NotifyStarted();

        var results = await report.RunAsync(CancellationToken.None);

        Assert.Equal(1, database.Runs);
        Assert.All(results, r => Assert.True(r.Result.Healthy, r.Result.Detail));
    }

    [Fact]
    public async Task Run_ACheckThatThrows_FailsThatEntryOnly()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        lifetime.NotifyStarted();
        var report = new ReadinessReport([new StartedCheck(lifetime), new ThrowingCheck()], lifetime);

        var results = await report.RunAsync(CancellationToken.None);

        Assert.True(results[0].Result.Healthy);
        Assert.False(results[1].Result.Healthy);
        Assert.Equal("the check itself failed: disk on fire", results[1].Result.Detail);
    }

    private sealed class CountingCheck(string name) : IReadinessCheck
    {
        public int Runs { get; private set; }

        public string Name => name;

        public ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken)
        {
            Runs++;
            return ValueTask.FromResult(CheckResult.Pass("fine"));
        }
    }

    private sealed class ThrowingCheck : IReadinessCheck
    {
        public string Name => "broken";

        public ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("disk on fire");
    }
}
