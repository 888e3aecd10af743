namespace NewsBot.Core.Commands;

/// <summary>Reads and clamps page numbers; a page past the end shows the last page.</summary>
public static class Paging
{
    /// <summary>Reads a page number; empty means 1. Returns a problem sentence on bad input.</summary>
    public static bool TryRead(string text, string usageExample, out int page, out string? problem)
    {
        page = 1;
        problem = null;
        text = text.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            problem = $"The page must be a number, like {usageExample}.";
            return false;
        }

        if (value < 1)
        {
            problem = $"Pages start at 1, like {usageExample}.";
            return false;
        }

        page = value > int.MaxValue ? int.MaxValue : (int)value;
        return true;
    }

    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The page actually shown: at most the last one.</summary>
    public static int Clamp(int page, int total, int pageSize) => Math.Min(page, PageCount(total, pageSize));
}
