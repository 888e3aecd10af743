namespace NewsBot.Benchmarks.Data;

/// <summary>A feed the synthetic articles come from; bigger weights publish more.</summary>
internal sealed record SyntheticSource(string Name, string Host, double Weight);

/// <summary>What a bookmark needs to know about an article: the snapshot it copies.</summary>
internal readonly record struct BookmarkTarget(int Id, string Title, string Url, string SourceName, DateTimeOffset PublishedAt);

/// <summary>
/// Deterministic synthetic news: titles of 8–14 words and summaries of 30–60 words drawn from a
/// Zipf-ranked <see cref="Vocabulary"/>, 1–3 topics of 20 (some topics much busier than others),
/// a handful of sources, publication times spread over the last 30 days. The same seed always
/// gives the same articles, bookmarks and command inputs.
/// </summary>
internal sealed class SyntheticNews
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static readonly IReadOnlyList<string> Topics =
    [
        "world", "politics", "business", "technology", "sports", "science", "health", "culture", "climate", "finance",
        "energy", "education", "travel", "food", "transport", "space", "law", "media", "gaming", "housing",
    ];

    public static readonly IReadOnlyList<SyntheticSource> Sources =
    [
        new("Daily Circuit", "dailycircuit.example", 4),
        new("Harbour Street Journal", "harbourstreet.example", 3),
        new("Metro Wire", "metrowire.example", 3),
        new("Open Lab Notes", "openlab.example", 1.5),
        new("Greenline Weekly", "greenline.example", 1),
        new("Northern Ledger", "northernledger.example", 1),
    ];

    // Topic popularity falls off gently (1/rank^0.8): "world" is about 10x "housing".
    private const double TopicExponent = 0.8;

    private readonly Vocabulary _vocabulary;
    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly double[] _topicWeights;
    private readonly double[] _sourceWeights;
    private readonly StringBuilder _text = new();

    public SyntheticNews(Vocabulary vocabulary, int seed, DateTimeOffset now)
    {
        _vocabulary = vocabulary;
        _random = new Random(seed);
        _now = now;
        _topicWeights = Cumulative(Enumerable.Range(1, Topics.Count).Select(rank => 1.0 / Math.Pow(rank, TopicExponent)));
        _sourceWeights = Cumulative(Sources.Select(s => s.Weight));
    }

    /// <summary>The next article, published by one of <paramref name="sources"/> (in <see cref="Sources"/> order).</summary>
    public ArticleDraft NextArticle(int number, IReadOnlyList<FeedSource> sources)
    {
        var sourceIndex = Pick(_sourceWeights);
        var source = sources[sourceIndex];
        var host = Sources[sourceIndex].Host;

        var published = _now - TimeSpan.FromMilliseconds(Math.Floor(_random.NextDouble() * Window.TotalMilliseconds));
        var ingested = published + TimeSpan.FromMilliseconds(_random.Next(60_000, 30 * 60_000));
        if (ingested > _now)
        {
            ingested = _now;
        }

        var title = Sentence(_random.Next(8, 15), period: false);
        var summary = Summary(_random.Next(30, 61));
        var slug = string.Join('-', title.Split(' ', 6).Take(5)).ToLowerInvariant();
        var url = string.Create(CultureInfo.InvariantCulture, $"https://{host}/{published:yyyy/MM/dd}/{slug}-{number}");
        var entry = new FeedEntry(
            string.Create(CultureInfo.InvariantCulture, $"urn:{host}:{number}"), title, url, published, null, null, summary, [], null);
        var author = _random.Next(3) == 0 ? null : Capitalize(_vocabulary.Words[_random.Next(200, _vocabulary.Count)]) + " " + Capitalize(_vocabulary.Words[_random.Next(200, _vocabulary.Count)]);
        var image = _random.Next(2) == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"https://{host}/images/{number}.jpg");
        return new ArticleDraft(new Article(0, url, ItemKeys.For(source.Id, entry), title, summary, author, source.Id, source.Name, published, ingested, DrawTopics(), image, true), ItemKeys.TitleKey(source.Id, title, published));
    }

    /// <summary><paramref name="count"/> distinct articles a person saved, each some time after it was published.</summary>
    public IEnumerable<(BookmarkTarget Article, DateTimeOffset SavedAt)> Saves(IReadOnlyList<BookmarkTarget> articles, int count)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < count)
        {
            var at = _random.Next(articles.Count);
            if (!chosen.Add(at))
            {
                continue;
            }

            var article = articles[at];
            var age = _now - article.PublishedAt;
            var savedAt = article.PublishedAt + TimeSpan.FromMilliseconds(Math.Floor(_random.NextDouble() * age.TotalMilliseconds));
            yield return (article, savedAt);
        }
    }

    private string[] DrawTopics()
    {
        var count = _random.Next(1, 4);
        var topics = new List<string>(count);
        while (topics.Count < count)
        {
            var topic = Topics[Pick(_topicWeights)];
            if (!topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }

        return [.. topics];
    }

    private string Summary(int words)
    {
        var parts = new List<string>();
        while (words > 0)
        {
            var length = Math.Min(words, _random.Next(8, 20));
            parts.Add(Sentence(length, period: true));
            words -= length;
        }

        return string.Join(' ', parts);
    }

    private string Sentence(int words, bool period)
    {
        _text.Clear();
        for (var i = 0; i < words; i++)
        {
            var word = _vocabulary.Draw(_random);
            if (i > 0)
            {
                _text.Append(' ');
            }

            _text.Append(i == 0 ? Capitalize(word) : word);
        }

        if (period)
        {
            _text.Append('.');
        }

        return _text.ToString();
    }

    private int Pick(double[] cumulative)
    {
        var target = _random.NextDouble() * cumulative[^1];
        var at = Array.BinarySearch(cumulative, target);
        return Math.Min(at >= 0 ? at : ~at, cumulative.Length - 1);
    }

    private static string Capitalize(string word) => string.Concat(word[..1].ToUpperInvariant(), word.AsSpan(1));

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }
}
