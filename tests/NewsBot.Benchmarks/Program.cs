using System.Globalization;
using NewsBot.Benchmarks;
using NewsBot.Benchmarks.Commands;

// Tables and progress print the same on every machine, whatever its locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Scenario[] scenarios =
[
    new(CommandsScenario.Name, CommandsScenario.Summary, CommandsScenario.RunAsync),
];

return await ScenarioDispatcher.RunAsync(args, scenarios);
