namespace NewsBot.Core.Search;

/// <summary>
/// What <see cref="StoryFinder"/> works in, kept from one call to the next: per word, its idf,
/// the new article's weight and another article's weight, each valid only while its stamp is
/// the current one, so nothing is cleared between calls or candidates.
/// </summary>
internal sealed class StoryScratch
{
    private int[] _marks = [];
    private int _mark;
    private int[] _callOfIdf = [];
    private double[] _idf = [];
    private int[] _callOfCandidate = [];
    private int _call;

    /// <summary>Per word, the new article's weight; valid for the words in <see cref="CandidateWords"/>.</summary>
    public double[] CandidateWeight { get; private set; } = [];

    /// <summary>Per word, another article's weight; valid for the words marked for it.</summary>
    public double[] OtherWeight { get; private set; } = [];

    /// <summary>The new article's known words, in the order first seen: title, then summary.</summary>
    public List<int> CandidateWords { get; } = [];

    /// <summary>Another article's words, in the order first seen.</summary>
    public List<int> OtherWords { get; } = [];

    /// <summary>Per slot, how many of the new article's rare title words it has.</summary>
    public Dictionary<int, int> SharedRare { get; } = [];

    /// <summary>Starts a call on an index of <paramref name="vocabulary"/> words.</summary>
    public void Begin(int vocabulary)
    {
        if (_marks.Length < vocabulary)
        {
            var length = Math.Max(vocabulary, _marks.Length * 2);
            _marks = new int[length];
            _callOfIdf = new int[length];
            _idf = new double[length];
            _callOfCandidate = new int[length];
            CandidateWeight = new double[length];
            OtherWeight = new double[length];
            _mark = 0;
            _call = 0;
        }

        if (_call == int.MaxValue)
        {
            Array.Clear(_callOfIdf);
            Array.Clear(_callOfCandidate);
            _call = 0;
        }

        _call++;
        CandidateWords.Clear();
        SharedRare.Clear();
    }

    /// <summary>A mark no word carries yet.</summary>
    public int NextMark()
    {
        if (_mark == int.MaxValue)
        {
            Array.Clear(_marks);
            _mark = 0;
        }

        return ++_mark;
    }

    /// <summary>Marks the word; false when it carried the mark already.</summary>
    public bool Mark(int word, int mark)
    {
        if (_marks[word] == mark)
        {
            return false;
        }

        _marks[word] = mark;
        return true;
    }

    public bool IsMarked(int word, int mark) => _marks[word] == mark;

    public bool HasIdf(int word) => _callOfIdf[word] == _call;

    public double IdfOf(int word) => _idf[word];

    public void SetIdf(int word, double idf)
    {
        _idf[word] = idf;
        _callOfIdf[word] = _call;
    }

    /// <summary>Adds a word of the new article, or raises its weight to <paramref name="weight"/> when it is larger.</summary>
    public void AddCandidateWord(int word, double weight)
    {
        if (_callOfCandidate[word] != _call)
        {
            _callOfCandidate[word] = _call;
            CandidateWeight[word] = weight;
            CandidateWords.Add(word);
        }
        else
        {
            CandidateWeight[word] = Math.Max(CandidateWeight[word], weight);
        }
    }
}
