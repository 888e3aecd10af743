using System.Buffers;

namespace NewsBot.Core.Text;

/// <summary>
/// Invisible Unicode controls that change how the text around them is shown: the bidirectional
/// embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the deprecated format controls
/// (U+206A–206F) and the interlinear annotation marks (U+FFF9–FFFB). With them a title can show
/// its words in another order than they are stored ("txt.exe" as "exe.txt"), so they are
/// dropped wherever text enters NewsBot: commands and feed items. The plain direction marks
/// (U+200E, U+200F, U+061C) and the joiners that emoji and many scripts need are kept.
/// </summary>
public static class DisguisingCharacters
{
    private static readonly SearchValues<char> Disguising = SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u206A\u206B\u206C\u206D\u206E\u206F\uFFF9\uFFFA\uFFFB");

    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Disguising);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length - Count(text.AsSpan(first)), text, static (destination, source) =>
        {
            var written = 0;
            foreach (var c in source)
            {
                if (!Disguising.Contains(c))
                {
                    destination[written++] = c;
                }
            }
        });
    }

    public static string? StripOrNull(string? text) => text is null ? null : Strip(text);

    private static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (Disguising.Contains(c))
            {
                count++;
            }
        }

        return count;
    }
}
