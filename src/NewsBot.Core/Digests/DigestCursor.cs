namespace NewsBot.Core.Digests;

/// <summary>
/// Where a daily subscription's digests have got to. Article ids grow with every article
/// stored, so "new since the last digest" is every article above <see cref="LastArticleId"/>.
/// </summary>
/// <param name="SubscriptionId">The daily subscription.</param>
/// <param name="LastArticleId">The newest article that existed when the last digest was made.</param>
/// <param name="LastRunAt">When the last digest was made (sent or found empty).</param>
/// <param name="LastLocalDate">The chat's local date that digest belonged to: one digest per local day.</param>
public sealed record DigestCursor(int SubscriptionId, int LastArticleId, DateTimeOffset LastRunAt, DateOnly LastLocalDate);
