namespace NewsBot.Core.Search;

/// <summary>
/// The articles of an <see cref="ArticleIndex"/> with their text already read into words:
/// written by <see cref="ArticleIndex.WriteImage"/>, read back at a later start by
/// <see cref="ArticleIndex.Restore"/>, so that the articles the store still holds as they were
/// need not be read and split into words again. Per article it keeps what the index was given
/// (id, story id, source, time, topics) and its words, title first; the words themselves once,
/// in a list the articles point into.
/// </summary>
/// <remarks>
/// Only an image written by the same build is read (<see cref="Build"/>): another build may
/// split text into other words. This reads the part before the words at once (about 30 bytes an
/// article) and the words, the bulk, one article at a time as the index takes them. It checks
/// that every number is in range; that the bytes are the ones written is the file's business
/// (a checksum around it).
/// </remarks>
public sealed class IndexImage
{
    // "NBINDEX" and a format number.
    private const ulong Magic = 0x01_58_45_44_4E_49_42_4E;

    private readonly Stream _stream;
    private int _next;

    private IndexImage(Stream stream, string[] words, int[] postingCounts, string[][] topicSets, int[] ids, int[] storyIds, int[] sourceIds, long[] ticks, int[] topicSetOf, int[] titleLengths, int[] tokenCounts)
    {
        _stream = stream;
        Words = words;
        PostingCounts = postingCounts;
        TopicSets = topicSets;
        Ids = ids;
        StoryIds = storyIds;
        SourceIds = sourceIds;
        Ticks = ticks;
        TopicSetOf = topicSetOf;
        TitleLengths = titleLengths;
        TokenCounts = tokenCounts;
    }

    /// <summary>This build of the index: an image written by another is not read.</summary>
    public static Guid Build { get; } = typeof(IndexImage).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>Articles in the image.</summary>
    public int Count => Ids.Length;

    internal string[] Words { get; }

    /// <summary>Per word, how many postings its list had: room to make before the articles come.</summary>
    internal int[] PostingCounts { get; }

    internal string[][] TopicSets { get; }

    /// <summary>Per article, in increasing order: its id.</summary>
    internal int[] Ids { get; }

    internal int[] StoryIds { get; }

    internal int[] SourceIds { get; }

    internal long[] Ticks { get; }

    internal int[] TopicSetOf { get; }

    internal int[] TitleLengths { get; }

    /// <summary>Per article, its words: title, <see cref="TokenPool.PhraseSeparator"/>, summary.</summary>
    internal int[] TokenCounts { get; }

    /// <summary>
    /// Reads the image's articles from <paramref name="stream"/>, leaving their words to be read
    /// as they are used; the stream must stay open until then.
    /// </summary>
    /// <exception cref="InvalidDataException">Not an image, an image of another build, or numbers out of range.</exception>
    public static IndexImage Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadUInt64() != Magic)
            {
                throw new InvalidDataException("This is not an index image, or one of another format.");
            }

            var build = reader.ReadBytes(16);
            if (build.Length != 16)
            {
                throw new EndOfStreamException();
            }

            if (new Guid(build) != Build)
            {
                throw new InvalidDataException("The index image was written by another build.");
            }

            var words = new string[Length(reader, Remaining(stream))];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = reader.ReadString();
            }

            var postingCounts = Numbers<int>(stream, words.Length);
            var topicSets = new string[Length(reader, Remaining(stream))][];
            for (var i = 0; i < topicSets.Length; i++)
            {
                var set = new string[Length(reader, 1024)];
                for (var t = 0; t < set.Length; t++)
                {
                    set[t] = reader.ReadString();
                }

                topicSets[i] = set;
            }

            var count = Length(reader, int.MaxValue);
            var ids = Numbers<int>(stream, count);
            var storyIds = Numbers<int>(stream, count);
            var sourceIds = Numbers<int>(stream, count);
            var ticks = Numbers<long>(stream, count);
            var topicSetOf = Numbers<int>(stream, count);
            var titleLengths = Numbers<int>(stream, count);
            var tokenCounts = Numbers<int>(stream, count);
            for (var i = 0; i < count; i++)
            {
                if ((i > 0 && ids[i] <= ids[i - 1]) || (uint)topicSetOf[i] >= (uint)topicSets.Length
                    || tokenCounts[i] < 1 || (uint)titleLengths[i] >= (uint)tokenCounts[i])
                {
                    throw new InvalidDataException("The index image's articles are out of order or out of range.");
                }
            }

            return new IndexImage(stream, words, postingCounts, topicSets, ids, storyIds, sourceIds, ticks, topicSetOf, titleLengths, tokenCounts);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The index image ends too early.", ex);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException("The index image has a word that is not one.", ex);
        }
    }

    /// <summary>
    /// The words of article <paramref name="position"/>, which must come after every article
    /// read before; the words of articles passed over are skipped.
    /// </summary>
    internal ReadOnlySpan<int> TokensOf(int position, ref int[] buffer)
    {
        if (position < _next)
        {
            throw new InvalidOperationException("The image is read in order.");
        }

        for (; _next < position; _next++)
        {
            ReadTokens(TokenCounts[_next], ref buffer);
        }

        _next++;
        var tokens = ReadTokens(TokenCounts[position], ref buffer);
        var separator = TitleLengths[position];
        for (var i = 0; i < tokens.Length; i++)
        {
            if ((uint)tokens[i] >= (uint)Words.Length && !(i == separator && tokens[i] == TokenPool.PhraseSeparator))
            {
                throw new InvalidDataException("The index image names a word it does not have.");
            }
        }

        if (tokens[separator] != TokenPool.PhraseSeparator)
        {
            throw new InvalidDataException("The index image's article has no end to its title.");
        }

        return tokens;
    }

    /// <summary>Writes the live articles of <paramref name="slots"/>, by id, with <paramref name="words"/> (token id → word) and how many postings each has.</summary>
    internal static void Write(Stream stream, ArticleSlots slots, string[] words, int[] postingCounts)
    {
        var live = new List<int>(slots.Live);
        for (var slot = 0; slot < slots.Used; slot++)
        {
            if (slots.Leads[slot] != ArticleSlots.Removed)
            {
                live.Add(slot);
            }
        }

        var articles = slots.Articles;
        var order = live.ToArray();
        Array.Sort(live.Select(slot => articles[slot].Id).ToArray(), order);

        var topicSets = new Dictionary<string[], int>(ReferenceEqualityComparer.Instance);
        foreach (var slot in order)
        {
            topicSets.TryAdd(articles[slot].Topics, topicSets.Count);
        }

        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Build.ToByteArray());
            writer.Write(words.Length);
            foreach (var word in words)
            {
                writer.Write(word);
            }

            writer.Flush();
            stream.Write(MemoryMarshal.AsBytes(postingCounts.AsSpan()));

            writer.Write(topicSets.Count);
            foreach (var set in topicSets.Keys)
            {
                writer.Write(set.Length);
                foreach (var topic in set)
                {
                    writer.Write(topic);
                }
            }

            writer.Write(order.Length);
        }

        WriteEach(stream, order, slot => articles[slot].Id);
        WriteEach(stream, order, slot => slots.StoryIds[slot]);
        WriteEach(stream, order, slot => articles[slot].SourceId);
        WriteEach(stream, order, slot => slots.Ticks[slot]);
        WriteEach(stream, order, slot => topicSets[articles[slot].Topics]);
        WriteEach(stream, order, slot => articles[slot].TitleLength);
        WriteEach(stream, order, slot => articles[slot].Tokens.Length);
        foreach (var slot in order)
        {
            stream.Write(MemoryMarshal.AsBytes(slots.TokensOf(slot)));
        }
    }

    private ReadOnlySpan<int> ReadTokens(int count, ref int[] buffer)
    {
        if (buffer.Length < count)
        {
            buffer = new int[Math.Max(count, buffer.Length * 2)];
        }

        var tokens = buffer.AsSpan(0, count);
        _stream.ReadExactly(MemoryMarshal.AsBytes(tokens));
        return tokens;
    }

    // Each word or topic takes at least a byte: a count above what is left is damage, not a reason to allocate.
    private static int Remaining(Stream stream) =>
        stream.CanSeek ? (int)Math.Min(int.MaxValue, stream.Length - stream.Position) : int.MaxValue;

    private static int Length(BinaryReader reader, int most)
    {
        var length = reader.ReadInt32();
        return length >= 0 && length <= most ? length : throw new InvalidDataException("The index image has a count out of range.");
    }

    private static T[] Numbers<T>(Stream stream, int count)
        where T : unmanaged
    {
        // The count is checked against what the stream still holds before anything that large is made.
        if (stream.CanSeek && (long)count * Unsafe.SizeOf<T>() > stream.Length - stream.Position)
        {
            throw new InvalidDataException("The index image ends too early.");
        }

        var numbers = GC.AllocateUninitializedArray<T>(count);
        stream.ReadExactly(MemoryMarshal.AsBytes(numbers.AsSpan()));
        return numbers;
    }

    private static void WriteEach<T>(Stream stream, int[] order, Func<int, T> value)
        where T : unmanaged
    {
        var buffer = new T[Math.Min(order.Length, 8192)];
        for (var from = 0; from < order.Length; from += buffer.Length)
        {
            var count = Math.Min(buffer.Length, order.Length - from);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = value(order[from + i]);
            }

            stream.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, count)));
        }
    }
}
