using static NewsBot.Core.Commands.PositiveNumberArgument;

namespace NewsBot.Core.Commands;

/// <summary>Reads and clamps page numbers; a page past the end shows the last page.</summary>
public static class Paging
{
    /// <summary>Reads a page number; empty means 1. Returns a problem sentence on bad input.</summary>
    public static bool TryRead(string text, string usageExample, Texts texts, out int page, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var typed = PositiveNumberArgument.Read(text.Trim(), out var value);
        problem = typed switch
        {
            Typed.NotANumber => texts.Get("paging.notNumber", ("example", usageExample)),
            Typed.BelowOne => texts.Get("paging.belowOne", ("example", usageExample)),
            _ => null,
        };

        // No number means the first page; one past int's range is past the end, so the last page shows.
        page = typed == Typed.Positive ? (int)Math.Min(value, int.MaxValue) : 1;
        return problem is null;
    }

    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The page actually shown: at most the last one.</summary>
    public static int Clamp(int page, int total, int pageSize) => Math.Min(page, PageCount(total, pageSize));

    /// <summary>"There are only 3 pages; here is the last one.", or null when the page asked for exists.</summary>
    public static string? PastTheEnd(int asked, int shown, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return shown < asked ? texts.Count("paging.lastPage", shown) : null;
    }

    /// <summary>A list's heading with its page, when it has more than one.</summary>
    public static string Heading(string heading, int page, int pages, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return pages > 1 ? texts.Get("paging.heading", ("heading", heading), ("page", page), ("pages", pages)) : heading;
    }
}
