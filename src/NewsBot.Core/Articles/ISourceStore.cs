namespace NewsBot.Core.Articles;

public interface ISourceStore
{
    /// <summary>Adds the source, or updates its name and topics when its URL is known; returns it.</summary>
    FeedSource Ensure(string name, string url, IReadOnlyList<string> topics);

    IReadOnlyList<FeedSource> All();

    FeedSource? Get(int id);

    void RecordSuccess(int id, DateTimeOffset at, int newItems, DateTimeOffset nextPollAt);

    void RecordFailure(int id, DateTimeOffset at, string error, DateTimeOffset nextPollAt);
}
