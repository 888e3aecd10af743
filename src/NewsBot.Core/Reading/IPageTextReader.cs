namespace NewsBot.Core.Reading;

/// <summary>Fetches an article's web page within the feed fetcher's guards and extracts its main text.</summary>
public interface IPageTextReader
{
    /// <summary>Never throws for anything the page or the network does; only the caller's cancellation ends it early.</summary>
    Task<PageText> ReadAsync(string url, CancellationToken cancellationToken);
}
