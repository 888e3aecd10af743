namespace NewsBot.Core.Search;

/// <summary>
/// One search's results: counts the matching stories and keeps the best
/// <c>skip + take</c> of them in a bounded heap. A story told by several reports stands
/// as its best-matching report (the earliest indexed on a tie), ranked with that report's
/// recency. An article whose match score plus the largest possible recency bonus cannot
/// beat the worst kept result is counted but never scored.
/// </summary>
internal sealed class SearchRun
{
    private readonly SearchScratch _scratch;
    private readonly int _keep;
    private readonly long _nowTicks;
    private readonly int _slots;
    private readonly int[] _leads;
    private readonly bool[] _inStory;
    private readonly long[] _ticks;
    private readonly PriorityQueue<int, Rank> _best;
    private bool _storiesReady;

    public SearchRun(ArticleSlots slots, SearchScratch scratch, int keep, long nowTicks)
    {
        _scratch = scratch;
        _keep = keep;
        _nowTicks = nowTicks;
        _slots = slots.Used;
        _leads = slots.Leads;
        _inStory = slots.InStory;
        _ticks = slots.Ticks;
        scratch.Begin();
        _best = scratch.Best;
    }

    /// <summary>Matching stories seen, when every match goes through <see cref="Match"/>.</summary>
    public int Total { get; private set; }

    public long NowTicks => _nowTicks;

    /// <summary>Whether as many results are kept as asked for: from then on a result must beat the worst kept.</summary>
    public bool Full => _best.Count >= _keep;

    /// <summary>The score of the worst result kept; meaningful once <see cref="Full"/>.</summary>
    public double WorstScore => _best.TryPeek(out _, out var worst) ? worst.Score : double.NegativeInfinity;

    /// <summary>Goes up each time the kept results change, so a caller knows when to look at <see cref="WorstScore"/> again.</summary>
    public int Changes { get; private set; }

    public void Match(int slot, double matchScore)
    {
        var lead = _leads[slot];
        if (lead == ArticleSlots.Removed)
        {
            return;
        }

        if (!_inStory[slot])
        {
            Total++;
            Consider(slot, matchScore);
            return;
        }

        var scratch = _scratch;
        if (!_storiesReady)
        {
            scratch.EnsureStories(_slots);
            _storiesReady = true;
        }

        if (scratch.StorySeen[lead] != scratch.Generation)
        {
            scratch.StorySeen[lead] = scratch.Generation;
            scratch.StoryBest[lead] = slot;
            scratch.StoryScore[lead] = matchScore;
            scratch.Stories.Add(lead);
        }
        else if (matchScore > scratch.StoryScore[lead])
        {
            scratch.StoryBest[lead] = slot;
            scratch.StoryScore[lead] = matchScore;
        }
    }

    /// <summary>The kept slots, best first.</summary>
    public int[] Finish()
    {
        foreach (var lead in _scratch.Stories)
        {
            Total++;
            Consider(_scratch.StoryBest[lead], _scratch.StoryScore[lead]);
        }

        var ranked = new int[_best.Count];
        for (var i = ranked.Length - 1; i >= 0; i--)
        {
            ranked[i] = _best.Dequeue();
        }

        return ranked;
    }

    private void Consider(int slot, double matchScore)
    {
        Rank worst = default;
        var full = _best.Count >= _keep && _best.TryPeek(out _, out worst);
        if (full && matchScore + RankingWeights.Recency < worst.Score)
        {
            return; // even the newest possible article with this match score ranks lower
        }

        var ticks = _ticks[slot];
        var ageHours = Math.Max(0, (_nowTicks - ticks) / (double)TimeSpan.TicksPerHour);
        var rank = new Rank(matchScore + (RankingWeights.Recency * Math.Pow(0.5, ageHours / RankingWeights.RecencyHalfLifeHours)), ticks, slot);
        if (!full)
        {
            _best.Enqueue(slot, rank);
            Changes++;
        }
        else if (WorstFirst.Instance.Compare(rank, worst) > 0)
        {
            _best.DequeueEnqueue(slot, rank);
            Changes++;
        }
    }
}
