namespace NewsBot.Core.Articles;

public interface ISourceStore
{
    /// <summary>Adds the source, or updates its name and topics when its URL is known (re-enabling it); returns it.</summary>
    FeedSource Ensure(string name, string url, IReadOnlyList<string> topics, bool fromConfiguration);

    IReadOnlyList<FeedSource> All();

    FeedSource? Get(int id);

    FeedSource? FindByUrl(string url);

    /// <summary>Writes back a source's health and fetch state.</summary>
    void Save(FeedSource source);

    bool Remove(int id);
}
