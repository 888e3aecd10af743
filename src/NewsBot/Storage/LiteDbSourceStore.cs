using NewsBot.Core.Articles;

namespace NewsBot.Storage;

internal sealed class LiteDbSourceStore(NewsBotDatabase database) : ISourceStore
{
    private readonly Lock _writeLock = new();

    public FeedSource Ensure(string name, string url, IReadOnlyList<string> topics)
    {
        lock (_writeLock)
        {
            var collection = database.Sources;
            var document = collection.FindOne(s => s.Url == url);
            if (document is null)
            {
                document = new SourceDocument { Name = name, Url = url, Topics = [.. topics] };
                collection.Insert(document);
            }
            else if (document.Name != name || !document.Topics.SequenceEqual(topics))
            {
                document.Name = name;
                document.Topics = [.. topics];
                collection.Update(document);
            }

            return ToSource(document);
        }
    }

    public IReadOnlyList<FeedSource> All() => database.Sources.FindAll().Select(ToSource).ToList();

    public FeedSource? Get(int id)
    {
        var document = database.Sources.FindById(id);
        return document is null ? null : ToSource(document);
    }

    public void RecordSuccess(int id, DateTimeOffset at, int newItems, DateTimeOffset nextPollAt) =>
        Change(id, d =>
        {
            d.LastAttemptAt = Dates.ToStored(at);
            d.LastSuccessAt = Dates.ToStored(at);
            d.LastError = null;
            d.ConsecutiveFailures = 0;
            d.ItemCount += newItems;
            d.NextPollAt = Dates.ToStored(nextPollAt);
        });

    public void RecordFailure(int id, DateTimeOffset at, string error, DateTimeOffset nextPollAt) =>
        Change(id, d =>
        {
            d.LastAttemptAt = Dates.ToStored(at);
            d.LastError = error;
            d.ConsecutiveFailures++;
            d.NextPollAt = Dates.ToStored(nextPollAt);
        });

    private void Change(int id, Action<SourceDocument> change)
    {
        lock (_writeLock)
        {
            var document = database.Sources.FindById(id);
            if (document is null)
            {
                return;
            }

            change(document);
            database.Sources.Update(document);
        }
    }

    private static FeedSource ToSource(SourceDocument d) => new(
        d.Id, d.Name, d.Url, d.Topics, d.Enabled,
        Dates.FromStored(d.LastAttemptAt), Dates.FromStored(d.LastSuccessAt), d.LastError,
        d.ConsecutiveFailures, d.ItemCount, Dates.FromStored(d.NextPollAt));
}
