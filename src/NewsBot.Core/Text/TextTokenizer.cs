namespace NewsBot.Core.Text;

/// <summary>
/// Splits text into search tokens: lower case, accents removed ("Zürich" → "zurich"),
/// split on anything that is not a letter or digit, with a light English plural fold
/// ("robots" → "robot", "studies" → "study") so a search finds both forms.
/// </summary>
public static class TextTokenizer
{
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var token = Fold(text.AsSpan(start, i - start));
                if (token.Length > 0)
                {
                    tokens.Add(token);
                }

                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>
    /// Reads the tokens of <paramref name="text"/> one at a time, as <see cref="Tokenize"/> would
    /// produce them, without allocating a string per token: plain ASCII words are folded into
    /// <paramref name="buffer"/>. Each <see cref="TokenReader.Current"/> is valid until the next
    /// <see cref="TokenReader.MoveNext"/>.
    /// </summary>
    public static TokenReader Read(ReadOnlySpan<char> text, Span<char> buffer) => new(text, buffer);

    /// <summary>The token for a single word, as <see cref="Tokenize"/> would produce it.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var ascii = true;
        foreach (var c in word)
        {
            if (c > 127)
            {
                ascii = false;
                break;
            }
        }

        string folded;
        if (ascii)
        {
            folded = string.Create(word.Length, word, static (dest, src) => src.ToLowerInvariant(dest));
        }
        else
        {
            var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
            var builder = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                {
                    continue;
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            folded = builder.ToString().Normalize(NormalizationForm.FormC);
        }

        return Stem(folded);
    }

    /// <summary>
    /// The folded form of <paramref name="word"/>: in <paramref name="buffer"/> when it is plain
    /// ASCII and fits, otherwise through <see cref="Fold"/> (the accent-stripping path).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ReadOnlySpan<char> FoldInto(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length || !System.Text.Ascii.IsValid(word))
        {
            return Fold(word);
        }

        var folded = buffer[..word.Length];
        word.ToLowerInvariant(folded);
        return StemInPlace(folded);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static string Stem(string token)
    {
        if (token.Length <= 3 || token[^1] != 's')
        {
            return token;
        }

        if (token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(token.AsSpan(0, token.Length - 3), "y");
        }

        // Words that end in s without being plurals: glass, status, analysis, news, atlas, chaos.
        if (token[^2] is 's' or 'u' or 'i' or 'w' or 'a' or 'o')
        {
            return token;
        }

        return token[..^1];
    }

    /// <summary><see cref="Stem"/> on a token already in a writable buffer.</summary>
    internal static Span<char> StemInPlace(Span<char> token)
    {
        if (token.Length <= 3 || token[^1] != 's')
        {
            return token;
        }

        if (token.Length > 4 && token.EndsWith("ies"))
        {
            token[^3] = 'y';
            return token[..^2];
        }

        if (token[^2] is 's' or 'u' or 'i' or 'w' or 'a' or 'o')
        {
            return token;
        }

        return token[..^1];
    }
}
