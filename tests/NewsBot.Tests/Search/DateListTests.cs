namespace NewsBot.Tests.Search;

public sealed class DateListTests
{
    [Fact]
    public void AddAndRemove_ManyKeysInAnyOrder_PagesNewestFirstLikeASortedSet()
    {
        var random = new Random(5);
        var list = new DateList();
        var expected = new SortedSet<DateKey>(NewestFirst.Instance);

        // Enough keys to split blocks many times, some sharing a time so the id decides.
        for (var id = 1; id <= 6_000; id++)
        {
            var key = new DateKey(random.Next(2_000), id);
            list.Add(key);
            expected.Add(key);
        }

        AssertSamePages(expected, list, random);

        foreach (var key in expected.Where(_ => random.Next(3) != 0).ToList())
        {
            Assert.True(list.Remove(key));
            expected.Remove(key);
        }

        Assert.False(list.Remove(new DateKey(5, 999_999)));
        AssertSamePages(expected, list, random);
    }

    [Fact]
    public void AddRange_LargeBatchesIntoAFilledList_MergesInOrderAndKeepsEachKeyOnce()
    {
        var random = new Random(6);
        var list = new DateList();
        var expected = new SortedSet<DateKey>(NewestFirst.Instance);
        var id = 0;
        foreach (var size in new[] { 5_000, 300, 40, 2_500 })
        {
            var batch = Enumerable.Range(0, size).Select(_ => new DateKey(random.Next(10_000), ++id)).ToList();

            // A key already listed, handed in again, stays listed once.
            if (expected.Count > 0)
            {
                batch.Add(expected.Min);
            }

            list.AddRange(batch);
            expected.UnionWith(batch);
            AssertSamePages(expected, list, random);

            // Single adds and removals after a merge land in the merged blocks.
            for (var i = 0; i < 200; i++)
            {
                var key = new DateKey(random.Next(10_000), ++id);
                list.Add(key);
                expected.Add(key);
            }

            var gone = expected.ElementAt(random.Next(expected.Count));
            list.Remove(gone);
            expected.Remove(gone);
            AssertSamePages(expected, list, random);
        }
    }

    [Fact]
    public void Remove_EveryKey_LeavesAnEmptyListThatTakesNewKeys()
    {
        var list = new DateList();
        var keys = Enumerable.Range(1, 3_000).Select(i => new DateKey(i % 97, i)).ToList();
        list.AddRange(keys);

        foreach (var key in keys)
        {
            Assert.True(list.Remove(key));
        }

        Assert.Equal(0, list.Count);
        Assert.Empty(list.Page(0, 10));
        list.Add(new DateKey(1, 1));
        Assert.Equal([1], list.Page(0, 10));
    }

    private static void AssertSamePages(SortedSet<DateKey> expected, DateList list, Random random)
    {
        Assert.Equal(expected.Count, list.Count);
        Assert.Equal(expected.Select(k => k.Id), list.Page(0, int.MaxValue));
        for (var i = 0; i < 50; i++)
        {
            var skip = random.Next(expected.Count + 10);
            var take = random.Next(1, 40);
            Assert.Equal(expected.Skip(skip).Take(take).Select(k => k.Id), list.Page(skip, take));
        }
    }
}
