using static NewsBot.Core.Commands.PositiveNumberArgument;

namespace NewsBot.Core.Commands;

/// <summary>Reads the article number of <c>/read 42</c>, <c>/bookmark #42</c> and the like.</summary>
public static class ArticleIdArgument
{
    public static bool TryRead(string text, string commandName, Texts texts, out int id, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(texts);
        id = 0;
        var trimmed = text.Trim().TrimStart('#');
        if (trimmed.Length == 0)
        {
            problem = texts.Get("articleId.missing", ("command", commandName));
            return false;
        }

        var first = trimmed.Split(' ', 2)[0].TrimStart('#');
        problem = PositiveNumberArgument.Read(first, out var value) switch
        {
            Typed.Nothing or Typed.NotANumber =>
                texts.Get("articleId.notNumber", ("value", Shorten(first)), ("command", commandName)),
            Typed.Positive when value <= int.MaxValue => null,
            _ => texts.Get("articleId.outOfRange", ("value", value.ToString(CultureInfo.InvariantCulture))),
        };
        if (problem is not null)
        {
            return false;
        }

        id = (int)value;
        return true;
    }

    private static string Shorten(string value) => Quoted.Shorten(value, 24);
}
