namespace NewsBot.Core.Delivery;

/// <summary>How the entries of one announcement or digest fared.</summary>
/// <param name="Pending">Still to send.</param>
/// <param name="Sent">Accepted by the platform.</param>
/// <param name="Failed">Given up after errors.</param>
/// <param name="Blocked">Not sent: the chat blocked the bot, is gone, or is inactive.</param>
public sealed record OutboxCounts(int Pending, int Sent, int Failed, int Blocked);
