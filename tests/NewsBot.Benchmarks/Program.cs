using NewsBot.Benchmarks;
using NewsBot.Benchmarks.Commands;
using NewsBot.Benchmarks.Fanout;
using NewsBot.Benchmarks.Ingest;

// Tables and progress print the same on every machine, whatever its locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Scenario[] scenarios =
[
    new(CommandsScenario.Name, CommandsScenario.Summary, CommandsScenario.RunAsync),
    new(IngestScenario.Name, IngestScenario.Summary, IngestScenario.RunAsync),
    new(FanoutScenario.Name, FanoutScenario.Summary, FanoutScenario.RunAsync),
];

return await ScenarioDispatcher.RunAsync(args, scenarios);
