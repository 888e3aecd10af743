namespace NewsBot.Tests.Fakes;

/// <summary>Assertions on text that xUnit does not have in one call.</summary>
public static class Expect
{
    /// <summary>
    /// <paramref name="text"/> holds every one of <paramref name="parts"/> (compared ordinally);
    /// a failure names all the parts that are missing, not only the first.
    /// </summary>
    public static void ContainsAll(string? text, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var missing = parts.Where(part => text is null || !text.Contains(part, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Missing {string.Join(", ", missing.Select(m => $"\"{m}\""))} in:{Environment.NewLine}{text}");
    }
}
