namespace NewsBot.Tests.Search;

public sealed class IndexImageTests
{
    [Fact]
    public void Restore_ImageOfTheStoredArticles_AnswersAsAnIndexReadFromTheStore_WithoutReadingAny()
    {
        var stored = IndexAnswers.RandomArticles(count: 3_000, seed: 21);
        using var written = Index(stored);
        var image = ImageOf(written);

        using var restored = new ArticleIndex();
        var read = new List<int>();
        var result = restored.Restore(image, Keys(stored), ids => Read(stored, ids, read), mostToRead: 0);

        Assert.Equal(new ImageRestore(3_000, 0), result);
        Assert.Empty(read);
        AssertSameIndex(written, restored, stored);
    }

    [Fact]
    public void Restore_StoreChangedSinceTheImage_ReadsOnlyWhatChanged_AndAnswersAsAnIndexReadFromTheStore()
    {
        // The image lacks one article the store has (1002: stored by another writer, or missed);
        // since it was written, some articles were deleted, one was given a story, new ones came.
        var before = IndexAnswers.RandomArticles(count: 3_000, seed: 22);
        using var written = Index(before.Where(a => a.Id != 1_002));
        var image = ImageOf(written);
        var storied = before[2_500] with { StoryId = before[100].Id };
        Assert.NotEqual(before[2_500].StoryId, storied.StoryId);
        var added = IndexAnswers.RandomArticles(count: 300, seed: 23, firstId: 5_000);
        var stored = before.Where(a => a.Id % 7 != 0 && a.Id != storied.Id).Append(storied).Concat(added).OrderBy(a => a.Id).ToList();

        using var restored = new ArticleIndex();
        var read = new List<int>();
        var result = restored.Restore(image, Keys(stored), ids => Read(stored, ids, read), mostToRead: 1_000);

        int[] changed = [1_002, storied.Id, .. added.Select(a => a.Id)];
        Assert.Equal(changed, read);
        Assert.Equal(new ImageRestore(stored.Count - changed.Length, changed.Length), result);
        using var fresh = Index(stored);
        AssertSameIndex(fresh, restored, stored);
    }

    [Fact]
    public void Restore_ImageOfAnIndexThatRemovedAndCompacted_AnswersAsAnIndexReadFromTheStore()
    {
        var all = IndexAnswers.RandomArticles(count: 3_000, seed: 24);
        using var written = Index(all);
        var doomed = all.Where(a => a.Id % 3 != 0).Select(a => a.Id).ToHashSet();
        written.Remove(doomed);
        var stored = all.Where(a => !doomed.Contains(a.Id)).ToList();

        using var restored = new ArticleIndex();
        var result = restored.Restore(ImageOf(written), Keys(stored), ids => Read(stored, ids, []), mostToRead: 0);

        Assert.Equal(new ImageRestore(stored.Count, 0), result);
        using var fresh = Index(stored);
        AssertSameIndex(fresh, restored, stored);
    }

    [Fact]
    public void Restore_ManyLongArticles_EachKeepsItsWholeTextInOrder()
    {
        // Enough words to fill several of the index's token chunks, articles crossing their ends,
        // and one article longer than a chunk on its own.
        var filler = string.Join(' ', Enumerable.Repeat("lorem ipsum dolor", 333));
        var stored = Enumerable.Range(1, 200)
            .Select(i => Article(i, $"Report {i}", $"start{i} {filler} closing words{i} end"))
            .Append(Article(201, "Long report", string.Join(' ', Enumerable.Repeat("filler", 70_000)) + " closing words201 end"))
            .ToList();
        using var written = Index(stored);

        using var restored = new ArticleIndex();
        restored.Restore(ImageOf(written), Keys(stored), _ => [], mostToRead: 0);

        for (var i = 1; i <= 201; i++)
        {
            Assert.Equal([i], restored.Search(SearchQuery.Parse($"\"closing words{i} end\""), 0, 10, IndexAnswers.Now).Ids);
        }

        Assert.Equal([7], restored.Search(SearchQuery.Parse("\"start7 lorem ipsum\""), 0, 10, IndexAnswers.Now).Ids);
        Assert.Empty(restored.Search(SearchQuery.Parse("\"words7 closing\""), 0, 10, IndexAnswers.Now).Ids);
    }

    [Fact]
    public void Restore_MoreChangedThanAllowed_AddsNothing()
    {
        var stored = IndexAnswers.RandomArticles(count: 500, seed: 25);
        using var written = Index(stored.Take(400));
        using var restored = new ArticleIndex();

        var result = restored.Restore(ImageOf(written), Keys(stored), _ => throw new InvalidOperationException("nothing should be read"), mostToRead: 99);

        Assert.Null(result);
        Assert.Equal(0, restored.Count);
        Assert.Equal(0, restored.VocabularySize);
    }

    [Fact]
    public void Read_NotAnImage_OrCutShort_OrOfAnotherBuild_IsRefused()
    {
        using var written = Index(IndexAnswers.RandomArticles(count: 200, seed: 26));
        using var stream = new MemoryStream();
        written.WriteImage(stream);
        var bytes = stream.ToArray();

        Assert.Throws<InvalidDataException>(() => IndexImage.Read(new MemoryStream(Encoding.UTF8.GetBytes("not an image at all, just some text"))));
        Assert.Throws<InvalidDataException>(() => IndexImage.Read(new MemoryStream(bytes[..(bytes.Length / 3)])));
        var otherBuild = bytes.ToArray();
        otherBuild[10] ^= 0xFF;
        var error = Assert.Throws<InvalidDataException>(() => IndexImage.Read(new MemoryStream(otherBuild)));
        Assert.Contains("another build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_WordOutOfRange_IsRefusedAsDamage()
    {
        using var written = Index([new Article(1, "https://x.example/1", "1:1", "Robot", "Solar", null, 1, "Wire", IndexAnswers.Now, IndexAnswers.Now, [], null)]);
        using var stream = new MemoryStream();
        written.WriteImage(stream);
        var bytes = stream.ToArray();

        // The last word of the one article ("solar", word 1) becomes word 1000, which the image does not have.
        BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - 4), 1000);
        using var restored = new ArticleIndex();
        var image = IndexImage.Read(new MemoryStream(bytes));

        Assert.Throws<InvalidDataException>(() => restored.Restore(image, [new StoredArticleKey(1, 0)], _ => [], mostToRead: 0));
    }

    private static Article Article(int id, string title, string summary) =>
        new(id, $"https://x.example/{id}", $"1:{id}", title, summary, null, 1, "Wire", IndexAnswers.Now.AddHours(-id), IndexAnswers.Now, [], null);

    private static ArticleIndex Index(IEnumerable<Article> articles)
    {
        var index = new ArticleIndex();
        index.AddRange(articles);
        return index;
    }

    private static IndexImage ImageOf(ArticleIndex index)
    {
        var stream = new MemoryStream();
        index.WriteImage(stream);
        stream.Position = 0;
        return IndexImage.Read(stream);
    }

    private static List<StoredArticleKey> Keys(IEnumerable<Article> stored) =>
        stored.OrderBy(a => a.Id).Select(a => new StoredArticleKey(a.Id, a.StoryId)).ToList();

    private static IEnumerable<Article> Read(List<Article> stored, IReadOnlyList<int> ids, List<int> asked)
    {
        asked.AddRange(ids);
        var byId = stored.ToDictionary(a => a.Id);
        return ids.Select(id => byId[id]);
    }

    /// <summary>Every answer alike, the same words known, and the same story found for newcomers.</summary>
    private static void AssertSameIndex(ArticleIndex expected, ArticleIndex actual, List<Article> stored)
    {
        IndexAnswers.AssertSame(expected, actual);
        Assert.Equal(expected.VocabularySize, actual.VocabularySize);
        foreach (var article in stored.Take(50))
        {
            var probe = article with { Id = 1_000_000 + article.Id, SourceId = article.SourceId + 10 };
            Assert.Equal(expected.FindStory(probe, TimeSpan.FromDays(30)), actual.FindStory(probe, TimeSpan.FromDays(30)));
        }
    }
}
