namespace NewsBot.Core.Commands;

/// <summary>Reads the article number of <c>/read 42</c>, <c>/bookmark #42</c> and the like.</summary>
public static class ArticleIdArgument
{
    public static bool TryRead(string text, string commandName, out int id, out string? problem)
    {
        id = 0;
        problem = null;
        var trimmed = text.Trim().TrimStart('#');
        if (trimmed.Length == 0)
        {
            problem = $"/{commandName} needs an article number, like /{commandName} 42. The numbers are shown next to each article in /latest.";
            return false;
        }

        var first = trimmed.Split(' ', 2)[0].TrimStart('#');
        if (!long.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            problem = $"'{Shorten(first)}' is not an article number. Type a number, like /{commandName} 42.";
            return false;
        }

        if (value < 1 || value > int.MaxValue)
        {
            problem = $"There is no article #{value}. Article numbers start at 1; see /latest.";
            return false;
        }

        id = (int)value;
        return true;
    }

    private static string Shorten(string value) => value.Length <= 24 ? value : value[..24] + "…";
}
