using NewsBot.Core.Text;

namespace NewsBot.Benchmarks.Data;

/// <summary>
/// A fixed vocabulary ranked by frequency and drawn with a Zipf distribution (weight 1/rank^s),
/// as word use in real text is: a few words ("the", "of") are in nearly every article and
/// most words are rare. The first ranks are common English and news words; the tail is made of
/// pronounceable invented words so the size can grow to any number without a word list file.
/// Every word is its own search token (no two fold to the same token, none is a plural that the
/// tokenizer would shorten), so what the generator writes is what the index holds.
/// </summary>
internal sealed class Vocabulary
{
    public const double DefaultExponent = 1.0;

    // Roughly by frequency in news text: function words first, then common news words.
    private static readonly string[] CommonWords =
    [
        "the", "of", "and", "to", "in", "a", "for", "on", "is", "that", "with", "as", "by", "at", "from",
        "it", "was", "are", "be", "has", "have", "an", "will", "after", "new", "its", "over", "more", "says",
        "who", "not", "but", "than", "this", "up", "year", "about", "into", "their", "been", "first", "two",
        "were", "out", "could", "which", "people", "they", "he", "she", "his", "her", "would", "said", "also",
        "last", "one", "city", "government", "state", "week", "time", "plan", "report", "world", "country",
        "public", "local", "national", "million", "percent", "three", "before", "under", "between", "against",
        "during", "while", "since", "other", "some", "most", "many", "just", "back", "still", "only", "now",
        "how", "what", "when", "where", "why", "all", "can", "may", "might", "should", "must", "next", "early",
        "late", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "weekend", "month", "day",
        "record", "rise", "fall", "growth", "cut", "deal", "talk", "vote", "court", "police", "minister",
        "leader", "president", "party", "election", "council", "school", "hospital", "company", "market",
        "price", "bank", "job", "worker", "union", "strike", "budget", "tax", "policy", "law", "rule",
        "study", "research", "team", "player", "coach", "match", "season", "game", "final", "win", "loss",
        "film", "music", "book", "festival", "museum", "artist", "award", "show", "star", "family", "child",
        "woman", "man", "home", "house", "water", "energy", "power", "oil", "gas", "climate", "weather",
        "storm", "flood", "fire", "heat", "summer", "winter", "spring", "autumn", "road", "rail", "train",
        "airport", "flight", "car", "bus", "bridge", "port", "ship", "border", "trade", "export", "import",
        "investor", "share", "profit", "revenue", "slump", "startup", "software", "chip", "robot", "data",
        "network", "phone", "computer", "internet", "online", "digital", "security", "attack", "privacy",
        "space", "rocket", "satellite", "planet", "telescope", "scientist", "doctor", "patient", "vaccine",
        "disease", "health", "drug", "care", "food", "farm", "farmer", "crop", "river", "forest", "island",
        "coast", "mountain", "village", "region", "district", "capital", "north", "south", "east", "west",
        "central", "major", "small", "large", "high", "low", "long", "short", "big", "old", "young", "open",
        "close", "free", "full", "hard", "strong", "weak", "fast", "slow", "key", "top", "best", "worst",
        "warn", "urge", "rally", "push", "call", "ask", "seek", "face", "hit", "set", "design", "build", "launch",
        "approve", "reject", "delay", "boost", "ease", "raise", "lower", "expand", "trim", "ban", "limit",
        "protest", "crisis", "risk", "concern", "debate", "inquiry", "review", "survey", "figure", "number",
        "rate", "level", "cost", "fund", "grant", "aid", "support", "service", "system", "project", "program",
        "agency", "office", "board", "committee", "group", "industry", "sector", "firm", "brand", "store",
        "factory", "plant", "site", "center", "station", "stadium", "theatre", "gallery", "library", "campus",
        "student", "teacher", "parent", "resident", "voter", "official", "expert", "judge", "lawyer", "officer",
    ];

    private static readonly string[] Onsets =
        ["b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "qu", "r", "sh", "st", "t", "tr", "v", "w", "z"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];

    private static readonly string[] Codas = ["", "", "n", "r", "l", "m", "t", "k", "nd", "rt", "lm"];

    private readonly string[] _words;
    private readonly double[] _cumulative;

    public Vocabulary(int size, int seed, double exponent = DefaultExponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 100);
        _words = Build(size, seed);
        _cumulative = new double[size];
        var sum = 0.0;
        for (var rank = 1; rank <= size; rank++)
        {
            sum += 1.0 / Math.Pow(rank, exponent);
            _cumulative[rank - 1] = sum;
        }

        Exponent = exponent;
    }

    public int Count => _words.Length;

    public double Exponent { get; }

    /// <summary>The words, most frequent first.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>One word, drawn with the Zipf weights.</summary>
    public string Draw(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var at = Array.BinarySearch(_cumulative, target);
        return _words[at >= 0 ? at : Math.Min(~at, _words.Length - 1)];
    }

    private static string[] Build(int size, int seed)
    {
        var words = new List<string>(size);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in CommonWords)
        {
            if (words.Count == size)
            {
                break;
            }

            TryAdd(word);
        }

        var random = new Random(seed);
        while (words.Count < size)
        {
            var syllables = random.Next(2, 4);
            var word = string.Empty;
            for (var i = 0; i < syllables; i++)
            {
                word += Onsets[random.Next(Onsets.Length)] + Vowels[random.Next(Vowels.Length)];
            }

            TryAdd(word + Codas[random.Next(Codas.Length)]);
        }

        return [.. words];

        void TryAdd(string word)
        {
            // Keep the word only if the tokenizer leaves it as it is and no earlier word shares its token.
            if (TextTokenizer.Fold(word) == word && tokens.Add(word))
            {
                words.Add(word);
            }
        }
    }
}
