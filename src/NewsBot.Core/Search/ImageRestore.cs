namespace NewsBot.Core.Search;

/// <summary>What <see cref="ArticleIndex.Restore"/> took from the image and what it had read from the store.</summary>
public sealed record ImageRestore(int FromImage, int Read);
