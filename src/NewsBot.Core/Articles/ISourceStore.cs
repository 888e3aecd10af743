namespace NewsBot.Core.Articles;

public interface ISourceStore
{
    /// <summary>Adds the source, or updates its name and topics when its URL is known (re-enabling it); returns it.</summary>
    ValueTask<FeedSource> EnsureAsync(string name, string url, IReadOnlyList<string> topics, bool fromConfiguration, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<FeedSource>> AllAsync(CancellationToken cancellationToken);

    ValueTask<FeedSource?> GetAsync(int id, CancellationToken cancellationToken);

    ValueTask<FeedSource?> FindByUrlAsync(string url, CancellationToken cancellationToken);

    /// <summary>
    /// Writes what admins set: name, topics, paused, poll interval, full text, and the next poll
    /// time (a shorter interval brings it forward). Returns false when the source is gone.
    /// </summary>
    ValueTask<bool> UpdateSettingsAsync(FeedSource source, CancellationToken cancellationToken);

    /// <summary>Writes back a source's health and fetch state; the settings above are left as they are.</summary>
    ValueTask SaveAsync(FeedSource source, CancellationToken cancellationToken);

    /// <summary>Writes back several sources' health and fetch state, as <see cref="SaveAsync"/> does, in one write.</summary>
    ValueTask SaveAllAsync(IReadOnlyList<FeedSource> sources, CancellationToken cancellationToken);

    ValueTask<bool> RemoveAsync(int id, CancellationToken cancellationToken);
}
