namespace NewsBot.Tests.Feeds;

/// <summary>Reads the feed documents kept in Feeds/Fixtures, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Feeds", "Fixtures");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
