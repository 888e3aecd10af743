namespace NewsBot.Feeds;

/// <summary>Counts per-item defects so that a feed of 200 undated items yields one sentence, not 200.</summary>
internal sealed class ProblemTally
{
    private const int MaxDateProblemsListed = 5;

    private readonly List<(int Number, string Raw)> _unusableDates = [];
    private readonly List<int> _tooDeep = [];
    private int _missingDates;
    private int _missingLinks;
    private int _missingTitles;

    public void NoDate(int number, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            _missingDates++;
        }
        else
        {
            _unusableDates.Add((number, raw.Trim()));
        }
    }

    public void NoLink() => _missingLinks++;

    public void NoTitle() => _missingTitles++;

    public void TooDeep(int number)
    {
        if (_tooDeep.Count == 0 || _tooDeep[^1] != number)
        {
            _tooDeep.Add(number);
        }
    }

    public void AddTo(List<string> problems)
    {
        foreach (var (number, raw) in _unusableDates.Take(MaxDateProblemsListed))
        {
            problems.Add($"Item {number} has no usable date (\"{HtmlToText.Truncate(HtmlToText.CleanText(raw, 80), 60)}\")");
        }

        if (_unusableDates.Count > MaxDateProblemsListed)
        {
            problems.Add($"{_unusableDates.Count - MaxDateProblemsListed} more items have unusable dates");
        }

        if (_missingDates > 0)
        {
            problems.Add(Count(_missingDates, "item has no date", "items have no date"));
        }

        if (_missingLinks > 0)
        {
            problems.Add(Count(_missingLinks, "item has no link", "items have no link"));
        }

        if (_tooDeep.Count > 0)
        {
            var which = _tooDeep.Count == 1
                ? $"Item {_tooDeep[0]} has"
                : $"{_tooDeep.Count} items (the first is item {_tooDeep[0]}) have";
            problems.Add($"{which} HTML nested more than {HtmlToText.MaxDepth} elements deep; the text stops where the nesting gets that deep");
        }

        if (_missingTitles > 0)
        {
            problems.Add(Count(_missingTitles, "item has no title; its summary or link is used instead", "items have no title; their summary or link is used instead"));
        }
    }

    private static string Count(int count, string singular, string plural) =>
        count == 1 ? "1 " + singular : $"{count} {plural}";
}
