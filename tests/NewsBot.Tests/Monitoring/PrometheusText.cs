namespace NewsBot.Tests.Monitoring;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
public sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The value of the sample named <paramref name="name"/> that carries every given label; null when there is none.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        foreach (var line in Text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[name.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                continue;
            }

            var end = rest.LastIndexOf(' ');
            var labelText = rest[..end];
            if (labels.All(l => labelText.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                return double.Parse(rest[(end + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
