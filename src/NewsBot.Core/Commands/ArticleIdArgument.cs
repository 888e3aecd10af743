namespace NewsBot.Core.Commands;

/// <summary>Reads the article number of <c>/read 42</c>, <c>/bookmark #42</c> and the like.</summary>
public static class ArticleIdArgument
{
    public static bool TryRead(string text, string commandName, Texts texts, out int id, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(texts);
        id = 0;
        problem = null;
        var trimmed = text.Trim().TrimStart('#');
        if (trimmed.Length == 0)
        {
            problem = texts.Get("articleId.missing", ("command", commandName));
            return false;
        }

        var first = trimmed.Split(' ', 2)[0].TrimStart('#');
        if (!long.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            problem = texts.Get("articleId.notNumber", ("value", Shorten(first)), ("command", commandName));
            return false;
        }

        if (value < 1 || value > int.MaxValue)
        {
            problem = texts.Get("articleId.outOfRange", ("value", value.ToString(CultureInfo.InvariantCulture)));
            return false;
        }

        id = (int)value;
        return true;
    }

    private static string Shorten(string value) => value.Length <= 24 ? value : value[..24] + "…";
}
