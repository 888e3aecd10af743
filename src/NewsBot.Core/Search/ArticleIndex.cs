namespace NewsBot.Core.Search;

/// <summary>
/// The in-memory index over every stored article: an inverted index of title and summary
/// tokens for search, and date-ordered sets (all articles, and per topic) for the newest-first
/// lists. Built from the store at start and kept in step on ingest; the store stays the truth.
/// Safe for many readers and one writer at a time.
/// </summary>
/// <remarks>
/// This class owns the lock and the order of every change; the parts it holds are not
/// thread-safe on their own. Articles are numbered internally by "slot", in the order they are
/// added (<see cref="ArticleSlots"/>), so every posting list (<see cref="PostingIndex"/>) is
/// sorted by slot simply by appending. A posting is <c>(slot &lt;&lt; 1) | inTitle</c>: the
/// search (<see cref="IndexSearch"/>) never has to look at an article to weigh a title match.
/// Removed articles leave stale postings and tokens until a compaction drops them and
/// renumbers the slots.
/// </remarks>
public sealed class ArticleIndex : IDisposable
{
    // Words longer than this are folded through the allocating path; they are rare.
    private const int TokenBufferLength = 128;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly PostingIndex _postings = new();
    private readonly ArticleSlots _slots = new();
    private readonly DateLists _lists = new();
    private readonly TopicSets _topicSets = new();
    private readonly StoryGroups _stories;
    private readonly StoryFinder _storyFinder;
    private readonly IndexSearch _search;
    private int _stalePostings;

    public ArticleIndex()
    {
        _stories = new StoryGroups(_slots);
        _storyFinder = new StoryFinder(_postings, _slots);
        _search = new IndexSearch(_postings, _slots);
    }

    public int Count => Read(() => _slots.Live);

    /// <summary>Distinct words the index knows, for tests and figures.</summary>
    public int VocabularySize => Read(() => _postings.VocabularySize);

    public void Add(Article article) => AddRange([article]);

    /// <summary>Whether the article is indexed.</summary>
    public bool Contains(int id) => Read(() => _slots.Contains(id));

    /// <summary>Whether any indexed article comes from the source.</summary>
    public bool HasArticlesOf(int sourceId) => Read(() => _slots.HasArticlesOf(sourceId));

    /// <summary>
    /// Adds articles not indexed yet. A large batch (the whole store at start) goes into the
    /// date-ordered lists in one sorted merge at the end.
    /// </summary>
    /// <remarks>
    /// This and the few methods it spends its time in are compiled optimised from the first call
    /// (AggressiveOptimization): at start they run once over millions of tokens, which would
    /// otherwise mostly go through unoptimised first-tier code (about 0.3 s of a 100,000-article
    /// start).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRange(IEnumerable<Article> articles)
    {
        AddInBatch(new PendingLists(), pending =>
        {
            foreach (var article in articles)
            {
                AddUnlocked(article, pending);
            }
        });
    }

    /// <summary>
    /// Adds under the write lock and then lists what was added: also after a failure half-way,
    /// so what was indexed is listed too.
    /// </summary>
    private void AddInBatch(PendingLists pending, Action<PendingLists> add)
    {
        using (_lock.Writing())
        {
            try
            {
                add(pending);
            }
            finally
            {
                _lists.Add(pending);
                _postings.Refresh(_slots.Used);
            }
        }
    }

    public void Remove(IEnumerable<int> ids)
    {
        using (_lock.Writing())
        {
            foreach (var id in ids)
            {
                if (!_slots.TryRemove(id, out var slot, out var lead))
                {
                    continue;
                }

                ref readonly var article = ref _slots.Articles[slot];
                _stalePostings += article.DistinctTokens;
                if (lead != slot)
                {
                    _stories.Leave(lead, slot);
                    continue;
                }

                _lists.Remove(new DateKey(_slots.Ticks[slot], id), article.Topics);
                var next = _stories.PassOn(slot);
                if (next >= 0)
                {
                    ref readonly var successor = ref _slots.Articles[next];
                    _lists.Add(new DateKey(_slots.Ticks[next], successor.Id), successor.Topics);
                }
            }

            if (_stalePostings > 10_000 && _stalePostings > _slots.Live)
            {
                CompactUnlocked();
            }
        }
    }

    /// <summary>Newest articles first.</summary>
    public IndexPage Latest(int skip, int take) => Read(() => _lists.Latest(skip, take));

    /// <summary>Newest articles in a topic first; an unknown topic gives an empty page.</summary>
    public IndexPage LatestInTopic(string topic, int skip, int take) => Read(() => _lists.LatestInTopic(topic, skip, take));

    /// <summary>Every topic with its article count, largest first.</summary>
    public IReadOnlyList<TopicCount> Topics() => Read(() => _lists.Topics());

    /// <summary>
    /// Articles matching the query, best first: each matched word counts by its rarity (twice
    /// in a title), phrases must appear as written, exclusions remove, and newer wins ties.
    /// A story reported by several sources comes once, as its best-matching report.
    /// </summary>
    /// <param name="sourceNames">Every source's name by id, for <c>source:</c>; without it no source matches.</param>
    public IndexPage Search(SearchQuery query, int skip, int take, DateTimeOffset now, IReadOnlyDictionary<int, string>? sourceNames = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty || take <= 0)
        {
            return new IndexPage([], 0);
        }

        using (_lock.Reading())
        {
            return _search.Run(query, Math.Max(0, skip), take, now.UtcTicks, sourceNames);
        }
    }

    /// <summary>
    /// What a subscription to <paramref name="query"/> would have found among the articles
    /// published since <paramref name="since"/>: how many stories (every plain word required, as
    /// for subscriptions), and the newest <paramref name="take"/>, newest first.
    /// </summary>
    public IndexPage Newest(SearchQuery query, DateTimeOffset since, int take, IReadOnlyDictionary<int, string>? sourceNames = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty)
        {
            return new IndexPage([], 0);
        }

        using (_lock.Reading())
        {
            return _search.Newest(query, since.UtcTicks, take, sourceNames);
        }
    }

    /// <summary>
    /// The lead of an indexed story from another source that <paramref name="article"/> reports
    /// too, or null. Two reports are one story when they were published within
    /// <paramref name="window"/> of each other, share at least two uncommon title words, and
    /// their words overlap strongly (idf-weighted cosine, title words counting double).
    /// </summary>
    public int? FindStory(Article article, TimeSpan window, double threshold = 0.3) => FindStory(article, StoryWords.Of(article), window, threshold);

    /// <summary>As <see cref="FindStory(Article, TimeSpan, double)"/>, with the article's words read beforehand.</summary>
    public int? FindStory(Article article, StoryWords words, TimeSpan window, double threshold = 0.3) => Read(() => _storyFinder.Find(article, words, window, threshold));

    /// <summary>
    /// Drops what removed articles left behind: their postings and tokens, and the words no
    /// remaining article uses. Retention calls it after pruning; removals also trigger it on
    /// their own once enough is stale.
    /// </summary>
    public void Compact()
    {
        using (_lock.Writing())
        {
            if (_stalePostings > 0)
            {
                CompactUnlocked();
            }
        }
    }

    /// <summary>
    /// Writes every indexed article, with its words, as an <see cref="IndexImage"/>. Readers go
    /// on meanwhile; a change waits until it is written.
    /// </summary>
    public void WriteImage(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (_lock.Reading())
        {
            IndexImage.Write(stream, _slots, _postings.Words(), _postings.PostingCounts());
        }
    }

    /// <summary>
    /// Adds the articles <paramref name="stored"/> names, in its order (increasing ids, as
    /// the store reads them at start), taking each from <paramref name="image"/> when the image
    /// has it with the same story, and asking <paramref name="read"/> for the rest: articles
    /// stored or given a story since the image was written. The index then answers exactly as if
    /// every article had been read from the store: the image leaves out what the store no longer
    /// has, and what the store holds of an article besides its story never changes.
    /// </summary>
    /// <param name="mostToRead">
    /// When more than this many would have to be read, nothing is added and the result is null:
    /// reading the whole store in order is then quicker.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ImageRestore? Restore(IndexImage image, IReadOnlyList<StoredArticleKey> stored, Func<IReadOnlyList<int>, IEnumerable<Article>> read, int mostToRead)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(read);

        // Where each stored article is in the image (both are in id order), or -1 when it is not there as stored.
        var positions = new int[stored.Count];
        var missing = new List<int>();
        var at = 0;
        var previous = int.MinValue;
        for (var i = 0; i < stored.Count; i++)
        {
            var key = stored[i];
            if (i > 0 && key.Id <= previous)
            {
                throw new ArgumentException("The stored articles must come in increasing id order.", nameof(stored));
            }

            previous = key.Id;
            while (at < image.Count && image.Ids[at] < key.Id)
            {
                at++;
            }

            positions[i] = at < image.Count && image.Ids[at] == key.Id && image.StoryIds[at] == key.StoryId ? at : -1;
            if (positions[i] < 0)
            {
                missing.Add(key.Id);
            }
        }

        if (missing.Count > mostToRead)
        {
            return null;
        }

        var fetched = new Dictionary<int, Article>(missing.Count);
        foreach (var article in read(missing))
        {
            fetched[article.Id] = article;
        }

        var words = new ImageWords(image);
        AddInBatch(new PendingLists(positions.Length), pending =>
        {
            _slots.Reserve(positions.Length);
            for (var i = 0; i < positions.Length; i++)
            {
                if (positions[i] >= 0)
                {
                    AddFromImage(image, positions[i], words, pending);
                }
                else if (fetched.TryGetValue(stored[i].Id, out var article))
                {
                    AddUnlocked(article, pending);
                }
            }
        });

        return new ImageRestore(stored.Count - missing.Count, fetched.Count);
    }

    public void Dispose() => _lock.Dispose();

    private T Read<T>(Func<T> read)
    {
        using (_lock.Reading())
        {
            return read();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddUnlocked(Article article, PendingLists pending)
    {
        if (_slots.Contains(article.Id))
        {
            return;
        }

        var slot = _slots.Next();
        var postings = _postings;
        var tokens = _slots.Tokens;
        postings.BeginArticle();

        Span<char> buffer = stackalloc char[TokenBufferLength];
        var distinct = 0;
        tokens.Begin();
        var reader = TextTokenizer.Read(article.Title, buffer);
        while (reader.MoveNext())
        {
            tokens.Append(postings.Intern(reader.Current, slot, inTitle: true, ref distinct));
        }

        var titleLength = tokens.Appended;
        tokens.Append(TokenPool.PhraseSeparator);
        reader = TextTokenizer.Read(article.Summary, buffer);
        while (reader.MoveNext())
        {
            tokens.Append(postings.Intern(reader.Current, slot, inTitle: false, ref distinct));
        }

        var info = new ArticleInfo(article.Id, tokens.End(), titleLength, distinct, article.SourceId, _topicSets.Share(article.Topics));
        Place(slot, info, article.PublishedAt.UtcTicks, article.StoryId, pending);
    }

    /// <summary>
    /// Adds the article at <paramref name="position"/> of <paramref name="image"/> as
    /// <see cref="AddUnlocked"/> would add it from its text: the same words, posted in the same
    /// order, so even new words get the numbers they would have got.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddFromImage(IndexImage image, int position, ImageWords words, PendingLists pending)
    {
        var id = image.Ids[position];
        if (_slots.Contains(id))
        {
            return;
        }

        var imageTokens = image.TokensOf(position, ref words.Buffer);
        var slot = _slots.Next();
        var postings = _postings;
        var tokens = _slots.Tokens;
        postings.BeginArticle();
        tokens.Begin();
        var titleLength = image.TitleLengths[position];
        var distinct = 0;
        var placed = tokens.AppendSpan(imageTokens.Length);
        for (var i = 0; i < imageTokens.Length; i++)
        {
            if (i == titleLength)
            {
                placed[i] = TokenPool.PhraseSeparator;
                continue;
            }

            ref var token = ref words.Ids[imageTokens[i]];
            if (token < 0)
            {
                token = postings.IdOf(image.Words[imageTokens[i]]);
                postings.Reserve(token, image.PostingCounts[imageTokens[i]]);
            }

            postings.Post(token, slot, inTitle: i < titleLength, ref distinct);
            placed[i] = token;
        }

        ref var topics = ref words.TopicSets[image.TopicSetOf[position]];
        topics ??= _topicSets.Share(image.TopicSets[image.TopicSetOf[position]]);
        var info = new ArticleInfo(id, tokens.End(), titleLength, distinct, image.SourceIds[position], topics);
        Place(slot, info, image.Ticks[position], image.StoryIds[position], pending);
    }

    /// <summary>Gives the article its slot, and its story or its place in the lists.</summary>
    private void Place(int slot, ArticleInfo article, long ticks, int storyId, PendingLists pending)
    {
        _slots.Fill(slot, article, ticks, storyId);

        // A later report of a story already indexed stays out of the lists: the story shows once.
        if (storyId != 0 && storyId != article.Id
            && _slots.TryGetSlot(storyId, out var lead) && _slots.Leads[lead] == lead)
        {
            _stories.Join(lead, slot);
            return;
        }

        pending.Add(new DateKey(ticks, article.Id), article.Topics);
    }

    /// <summary>
    /// Drops the postings and tokens of removed articles and renumbers the slots densely, then
    /// forgets the words left with no posting and renumbers the rest.
    /// </summary>
    private void CompactUnlocked()
    {
        var renumbered = _slots.Renumbering();
        _postings.Renumber(renumbered);
        var tokenMap = _postings.CompactVocabulary();
        _slots.Compact(renumbered, tokenMap);
        _stories.Renumber(renumbered);
        _postings.Refresh(_slots.Used);
        _stalePostings = 0;
    }
}
