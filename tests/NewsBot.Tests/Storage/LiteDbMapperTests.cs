using LiteDB;

namespace NewsBot.Tests.Storage;

/// <summary>
/// The first queries of a freshly opened database may come from several threads at once (the
/// status page, the feed poller, a command): none may meet a document type mapped half-way.
/// </summary>
public sealed class LiteDbMapperTests
{
    private const int Rounds = 40;
    private const int Threads = 4;

    [Fact]
    public void DocumentTypes_AreEveryCollectionOfTheDatabase()
    {
        Assert.Contains(typeof(AnnouncementDocument), LiteDbMapper.DocumentTypes);
        Assert.Contains(typeof(ArticleDocument), LiteDbMapper.DocumentTypes);
        Assert.Contains(typeof(DigestCursorDocument), LiteDbMapper.DocumentTypes);
        Assert.Equal(11, LiteDbMapper.DocumentTypes.Count);
    }

    [Fact]
    public void FirstQueries_FromSeveralThreadsAtOnce_AllFindTheirMembers()
    {
        var failures = new List<Exception>();
        for (var round = 0; round < Rounds; round++)
        {
            using var database = new LiteDatabase(new MemoryStream(), LiteDbMapper.Create());
            using var start = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    database.GetCollection<AnnouncementDocument>("announcements").Query().OrderByDescending(a => a.Id).Limit(5).ToList();
                    database.GetCollection<SourceDocument>("sources").Query().Where(s => s.Enabled).OrderBy(s => s.Url).ToList();
                    database.GetCollection<OutboxDocument>("outbox").Query().Where(o => o.NextAttemptAt != null).Select(o => o.Kind).ToList();
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }

        Assert.Empty(failures);
    }
}
