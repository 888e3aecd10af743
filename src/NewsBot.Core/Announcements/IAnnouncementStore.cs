namespace NewsBot.Core.Announcements;

public interface IAnnouncementStore
{
    /// <summary>Stores a new draft and returns it with its id.</summary>
    ValueTask<Announcement> AddDraftAsync(string authorKey, string? reportChatKey, string text, DateTimeOffset at, CancellationToken cancellationToken);

    ValueTask<Announcement?> GetAsync(int id, CancellationToken cancellationToken);

    /// <summary>Moves a draft to <see cref="AnnouncementState.Sending"/>; false when it was not a draft (so a second press does nothing).</summary>
    ValueTask<bool> ConfirmAsync(int id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Moves a draft to <see cref="AnnouncementState.Cancelled"/>; false when it was not a draft.</summary>
    ValueTask<bool> CancelAsync(int id, CancellationToken cancellationToken);

    /// <summary>Every recipient is in the outbox.</summary>
    ValueTask MarkQueuedAsync(int id, int recipients, CancellationToken cancellationToken);

    /// <summary>The report went to the author with these figures.</summary>
    ValueTask MarkDeliveredAsync(int id, DeliveryFigures figures, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Confirmed announcements not yet reported, oldest first.</summary>
    ValueTask<IReadOnlyList<Announcement>> InFlightAsync(CancellationToken cancellationToken);

    /// <summary>The newest announcements first.</summary>
    ValueTask<IReadOnlyList<Announcement>> RecentAsync(int take, CancellationToken cancellationToken);
}
