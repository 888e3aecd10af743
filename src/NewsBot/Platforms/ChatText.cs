namespace NewsBot.Platforms;

/// <summary>Rules for text that every chat platform shares: what may be sent at all, and where a long text is cut.</summary>
internal static class ChatText
{
    /// <summary>Drops lone surrogates and control characters other than line breaks and tabs (so \r\n becomes \n): platforms refuse them or show garbage.</summary>
    public static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            var keep = !char.IsSurrogate(c) && (!char.IsControl(c) || c is '\n' or '\t');
            if (!keep && builder is null)
            {
                builder = new StringBuilder(text.Length).Append(text, 0, i);
            }
            else if (keep)
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// How much of <paramref name="text"/>, which is longer than <paramref name="room"/>, goes into
    /// a piece of that size: up to just after the last space when that keeps more than half the
    /// room, and never half a surrogate pair.
    /// </summary>
    public static int PieceLength(string text, int room)
    {
        var take = room;
        var space = text.LastIndexOf(' ', take - 1, take);
        if (space > take / 2)
        {
            take = space + 1;
        }
        else if (char.IsHighSurrogate(text[take - 1]))
        {
            take--;
        }

        return take;
    }
}
