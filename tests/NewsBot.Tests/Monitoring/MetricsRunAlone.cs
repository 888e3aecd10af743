namespace NewsBot.Tests.Monitoring;

/// <summary>
/// The exporter collects every meter named NewsBot in the process, so these tests run alone:
/// commands answered by hosts of other tests would otherwise show up in their scrapes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsRunAlone
{
    public const string Name = "Metrics";
}
