namespace NewsBot.Core.Reading;

/// <summary>
/// Cuts a whole text into the parts /read shows one at a time: each short enough to read in one
/// go on any platform, cut between paragraphs where possible, else between words.
/// </summary>
public static class ArticleParts
{
    /// <summary>A part's length: one Telegram message with the card above it, two Discord messages.</summary>
    public const int PartLength = 3500;

    public static IReadOnlyList<string> Split(string text, int partLength = PartLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > partLength)
        {
            var window = rest[..partLength];
            var cut = window.LastIndexOf('\n');
            if (cut < partLength / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < partLength / 2)
            {
                cut = partLength;
                if (char.IsHighSurrogate(rest[cut - 1]))
                {
                    cut--;
                }
            }

            parts.Add(rest[..cut].Trim().ToString());
            rest = rest[cut..].Trim();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }
}
