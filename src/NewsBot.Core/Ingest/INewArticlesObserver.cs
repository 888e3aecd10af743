namespace NewsBot.Core.Ingest;

/// <summary>Told about articles as soon as they are stored and indexed.</summary>
public interface INewArticlesObserver
{
    Task StoredAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);
}
