namespace NewsBot.Tests.Architecture;

/// <summary>
/// The folders of NewsBot.Core form a graph without cycles: when a file in one folder uses a type
/// of another, nothing in that other folder reaches back, so each folder can be read and changed
/// with only the folders below it in mind.
/// </summary>
public sealed class CoreFolderCycleTests
{
    private static readonly Lazy<CoreFolderGraph> Graph = new(CoreFolderGraph.Load);

    [Fact]
    public void CoreFolders_FormNoCycle()
    {
        var cycles = Graph.Value.Cycles();

        Assert.True(cycles.Count == 0, Describe(cycles));
    }

    [Fact]
    public void Graph_IsBuiltFromBoundSymbols()
    {
        var references = Graph.Value.References;

        // The router returns a Reply: a real use the compiler binds, so the check cannot pass by seeing nothing.
        Assert.Contains(new FolderReference("Commands", "Commands/CommandRouter.cs", "Replies", "NewsBot.Core.Replies.Reply"), references);
        Assert.All(references, reference => Assert.NotEqual(reference.FromFolder, reference.ToFolder));
        Assert.True(Graph.Value.UnresolvedNames.Count == 0, "Names that did not bind hide their references:\n" + string.Join("\n", Graph.Value.UnresolvedNames));
    }

    [Fact]
    public void CoreTypes_LiveInTheNamespaceOfTheirFolder()
    {
        Assert.Empty(Graph.Value.Misplaced);
    }

    private static string Describe(IReadOnlyList<IReadOnlyList<string>> cycles)
    {
        var text = new StringBuilder();
        foreach (var cycle in cycles)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"These folders reach each other: {string.Join(", ", cycle)}. Move each type to the folder of its owner:");
            var inside = Graph.Value.References
                .Where(reference => cycle.Contains(reference.FromFolder) && cycle.Contains(reference.ToFolder))
                .GroupBy(reference => (reference.FromFolder, reference.ToFolder))
                .OrderBy(group => group.Key.FromFolder, StringComparer.Ordinal)
                .ThenBy(group => group.Key.ToFolder, StringComparer.Ordinal);
            foreach (var edge in inside)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {edge.Key.FromFolder} -> {edge.Key.ToFolder}");
                foreach (var reference in edge.OrderBy(reference => reference.File, StringComparer.Ordinal).ThenBy(reference => reference.Type, StringComparer.Ordinal))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {reference.File} uses {reference.Type}");
                }
            }
        }

        return text.ToString();
    }
}
