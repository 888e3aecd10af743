using System.Text.Json;

namespace NewsBot.Benchmarks.Commands;

/// <summary>
/// The folder one size of the <c>commands</c> scenario runs in: a temporary one deleted at the
/// end, or, with <c>--data</c>, a kept one whose database a later run with the same sizes and
/// seed reuses. A kept database is recognised by a stamp written once it was built completely;
/// a folder of the same name without it (a build that was interrupted) is built afresh.
/// </summary>
internal sealed class BenchmarkDatabase : IDisposable
{
    private const string StampFile = "commands-benchmark.json";

    private readonly TempFolder? _temporary;

    private BenchmarkDatabase(string path, TempFolder? temporary, Stamp? stamp)
    {
        Path = path;
        _temporary = temporary;
        Built = stamp;
    }

    public string Path { get; }

    /// <summary>The database already in the folder, from an earlier run; null when it has to be built.</summary>
    public Stamp? Built { get; }

    public static BenchmarkDatabase Open(CommandsSettings settings, Action<string> progress)
    {
        if (settings.DataFolder is null)
        {
            var folder = new TempFolder(CommandsScenario.Name);
            progress($"temporary folder {folder.Path}");
            return new BenchmarkDatabase(folder.Path, folder, null);
        }

        var path = System.IO.Path.Combine(
            System.IO.Path.GetFullPath(settings.DataFolder),
            string.Create(CultureInfo.InvariantCulture, $"commands-{settings.Articles}-{settings.Users}x{settings.BookmarksPerUser}-v{settings.VocabularySize}-s{settings.Seed}"));
        var stampPath = System.IO.Path.Combine(path, StampFile);
        if (File.Exists(stampPath))
        {
            var stamp = JsonSerializer.Deserialize<Stamp>(File.ReadAllText(stampPath))
                ?? throw new InvalidDataException($"{stampPath} is empty; delete {path} to build the database again.");
            progress($"reusing the database in {path}, built {stamp.Now:yyyy-MM-dd HH:mm} UTC");
            return new BenchmarkDatabase(path, null, stamp);
        }

        if (Directory.Exists(path))
        {
            progress($"{path} has no finished database (an earlier build stopped); building it again");
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        progress($"building the database in {path}, kept for later runs");
        return new BenchmarkDatabase(path, null, null);
    }

    /// <summary>Marks the database as complete, so a later run reuses it; only for a kept folder.</summary>
    public void MarkBuilt(DateTimeOffset now, SeedResult seed)
    {
        if (_temporary is null)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, StampFile), JsonSerializer.Serialize(new Stamp(now, seed)));
        }
    }

    public void Dispose() => _temporary?.Dispose();

    /// <summary>When the kept database was built (its articles' ages count from then) and what building it took.</summary>
    internal sealed record Stamp(DateTimeOffset Now, SeedResult Seed);
}
