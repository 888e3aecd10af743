namespace NewsBot.Core.Articles;

public interface ISourceStore
{
    /// <summary>Adds the source, or updates its name and topics when its URL is known (re-enabling it); returns it.</summary>
    ValueTask<FeedSource> EnsureAsync(string name, string url, IReadOnlyList<string> topics, bool fromConfiguration, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<FeedSource>> AllAsync(CancellationToken cancellationToken);

    ValueTask<FeedSource?> GetAsync(int id, CancellationToken cancellationToken);

    ValueTask<FeedSource?> FindByUrlAsync(string url, CancellationToken cancellationToken);

    /// <summary>Writes back a source's health and fetch state.</summary>
    ValueTask SaveAsync(FeedSource source, CancellationToken cancellationToken);

    ValueTask<bool> RemoveAsync(int id, CancellationToken cancellationToken);
}
