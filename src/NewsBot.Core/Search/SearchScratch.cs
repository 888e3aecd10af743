namespace NewsBot.Core.Search;

/// <summary>Reusable per-search buffers; searches run side by side, each with its own.</summary>
internal sealed class SearchScratch
{
    public PriorityQueue<int, Rank> Best { get; } = new(WorstFirst.Instance);

    public List<int> Stories { get; } = [];

    // Per lead slot, for stories told by several reports: the search that last saw the story
    // (so nothing needs clearing between searches), its best report and that report's score.
    public int[] StorySeen { get; private set; } = [];

    public int[] StoryBest { get; private set; } = [];

    public double[] StoryScore { get; private set; } = [];

    public int Generation { get; private set; }

    /// <summary>The slots a word search matches, one bit each; only the words in use are valid.</summary>
    public ulong[] Matches { get; private set; } = [];

    public void Begin()
    {
        Best.Clear();
        Stories.Clear();
        if (Generation == int.MaxValue)
        {
            Array.Clear(StorySeen);
            Generation = 0;
        }

        Generation++;
    }

    /// <summary><see cref="Matches"/> with <paramref name="words"/> words cleared.</summary>
    public ulong[] ClearMatches(int words)
    {
        if (Matches.Length < words)
        {
            Matches = new ulong[Math.Max(words, Matches.Length + (Matches.Length / 4))];
        }
        else
        {
            Array.Clear(Matches, 0, words);
        }

        return Matches;
    }

    public void EnsureStories(int slots)
    {
        if (StorySeen.Length < slots)
        {
            var capacity = Math.Max(slots, StorySeen.Length * 2);
            StorySeen = new int[capacity];
            StoryBest = new int[capacity];
            StoryScore = new double[capacity];
        }
    }
}
