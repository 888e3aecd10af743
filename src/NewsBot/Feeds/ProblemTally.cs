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
            problems.Add(StoredText.Of("feedProblem.unusableDate", ("number", number), ("date", HtmlToText.Truncate(HtmlToText.CleanText(raw, 80), 60))));
        }

        if (_unusableDates.Count > MaxDateProblemsListed)
        {
            problems.Add(StoredText.Of("feedProblem.moreUnusableDates", ("count", _unusableDates.Count - MaxDateProblemsListed)));
        }

        if (_missingDates > 0)
        {
            problems.Add(StoredText.Of("feedProblem.noDate", ("count", _missingDates)));
        }

        if (_missingLinks > 0)
        {
            problems.Add(StoredText.Of("feedProblem.noLink", ("count", _missingLinks)));
        }

        if (_tooDeep.Count > 0)
        {
            problems.Add(_tooDeep.Count == 1
                ? StoredText.Of("feedProblem.tooDeepItem", ("number", _tooDeep[0]), ("max", HtmlToText.MaxDepth))
                : StoredText.Of("feedProblem.tooDeepItems", ("count", _tooDeep.Count), ("number", _tooDeep[0]), ("max", HtmlToText.MaxDepth)));
        }

        if (_missingTitles > 0)
        {
            problems.Add(StoredText.Of("feedProblem.noTitle", ("count", _missingTitles)));
        }
    }
}
