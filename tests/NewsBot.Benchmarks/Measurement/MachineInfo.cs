using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace NewsBot.Benchmarks.Measurement;

/// <summary>Where the numbers were measured, so a table pasted elsewhere still says it.</summary>
internal sealed record MachineInfo(
    int Cores,
    string? CpuModel,
    string Os,
    string Runtime,
    string GcMode,
    long? Gen0MaxBudget,
    bool OptimizedBuild,
    string? LoadAverage)
{
    public static MachineInfo Describe() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadOsName() ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        (GCSettings.IsServerGC ? "server GC" : "workstation GC") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent"),
        GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var budget) && budget is long bytes and > 0 ? bytes : null,
        IsOptimized(typeof(MachineInfo).Assembly) && IsOptimized(typeof(Core.Search.ArticleIndex).Assembly) && IsOptimized(typeof(Storage.NewsBotDatabase).Assembly),
        ReadLoadAverage());

    /// <summary>
    /// The machine in a report's words: cores, processor, system, runtime, build, garbage
    /// collector, and the load average at the start and at <paramref name="loadAtEnd"/>.
    /// </summary>
    public string Sentence(string? loadAtEnd) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cores} cores{(CpuModel is null ? "" : " (" + CpuModel + ")")}, {Os}, {Runtime}, {(OptimizedBuild ? "Release" : "**Debug build: not representative**")}, {GcMode}{(Gen0MaxBudget is { } budget ? ", gen0 budget up to " + Reporting.Units.Megabytes(budget) : "")}; load average {LoadAverage ?? "?"} at the start, {loadAtEnd ?? "?"} at the end");

    /// <summary>The 1-minute load average (Linux), to tell whether something else shared the cores.</summary>
    public static string? ReadLoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    private static string? ReadCpuModel()
    {
        try
        {
            return File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo")
                    .Where(line => line.StartsWith("model name", StringComparison.Ordinal))
                    .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                    .FirstOrDefault()
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? ReadOsName()
    {
        try
        {
            return File.Exists("/etc/os-release")
                ? File.ReadLines("/etc/os-release")
                    .Where(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                    .Select(line => line["PRETTY_NAME=".Length..].Trim('"') + " (" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() + ")")
                    .FirstOrDefault()
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
