namespace NewsBot.Core.Search;

/// <summary>
/// What <see cref="StoryFinder"/> works in, kept from one call to the next: per word, its idf,
/// the new article's weight and another article's weight, each valid only while its stamp is
/// the current one, so nothing is cleared between calls or candidates.
/// </summary>
internal sealed class StoryScratch
{
    // What the finder alone reads per word, side by side, so one word costs one cache line.
    private WordState[] _words = [];
    private int _mark;
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
        if (_words.Length < vocabulary)
        {
            _words = new WordState[Math.Max(vocabulary, _words.Length * 2)];
            CandidateWeight = new double[_words.Length];
            OtherWeight = new double[_words.Length];
            _mark = 0;
            _call = 0;
        }

        if (_call == int.MaxValue)
        {
            for (var i = 0; i < _words.Length; i++)
            {
                _words[i].CallOfIdf = 0;
                _words[i].CallOfCandidate = 0;
            }

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
            for (var i = 0; i < _words.Length; i++)
            {
                _words[i].Mark = 0;
            }

            _mark = 0;
        }

        return ++_mark;
    }

    /// <summary>Marks the word; false when it carried the mark already.</summary>
    public bool Mark(int word, int mark)
    {
        ref var state = ref _words[word];
        if (state.Mark == mark)
        {
            return false;
        }

        state.Mark = mark;
        return true;
    }

    public bool IsMarked(int word, int mark) => _words[word].Mark == mark;

    public bool HasIdf(int word) => _words[word].CallOfIdf == _call;

    public double IdfOf(int word) => _words[word].Idf;

    public void SetIdf(int word, double idf)
    {
        ref var state = ref _words[word];
        state.Idf = idf;
        state.CallOfIdf = _call;
    }

    /// <summary>Adds a word of the new article, or raises its weight to <paramref name="weight"/> when it is larger.</summary>
    public void AddCandidateWord(int word, double weight)
    {
        ref var state = ref _words[word];
        if (state.CallOfCandidate != _call)
        {
            state.CallOfCandidate = _call;
            CandidateWeight[word] = weight;
            CandidateWords.Add(word);
        }
        else
        {
            CandidateWeight[word] = Math.Max(CandidateWeight[word], weight);
        }
    }

    /// <summary>One word's stamps and idf: each value counts only while its stamp is the current one.</summary>
    private struct WordState
    {
        public int Mark;
        public int CallOfIdf;
        public int CallOfCandidate;
        public double Idf;
    }
}
