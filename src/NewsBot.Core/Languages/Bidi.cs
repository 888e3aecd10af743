namespace NewsBot.Core.Languages;

/// <summary>
/// Keeps right-to-left text (a Hebrew or Arabic article title, say) from reordering the words
/// around it: such text is wrapped in Unicode's first-strong isolate (U+2068 … U+2069), so it
/// reads right to left inside while the sentence around it keeps its own direction. Text
/// without right-to-left letters is returned as it is.
/// </summary>
public static class Bidi
{
    public const char FirstStrongIsolate = '\u2068';
    public const char PopDirectionalIsolate = '\u2069';

    public static string Isolate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HasRightToLeft(text) && !IsIsolated(text) ? FirstStrongIsolate + text + PopDirectionalIsolate : text;
    }

    public static bool HasRightToLeft(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms.
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF') or '\u200F')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIsolated(string text) =>
        text.Length >= 2 && text[0] == FirstStrongIsolate && text[^1] == PopDirectionalIsolate;
}
