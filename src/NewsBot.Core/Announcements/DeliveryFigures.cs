namespace NewsBot.Core.Announcements;

/// <summary>How an announcement's delivery ended: sent, given up after errors, or not deliverable (blocked, gone, inactive).</summary>
public sealed record DeliveryFigures(int Sent, int Failed, int Blocked);
