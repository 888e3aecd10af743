namespace NewsBot.Core.Announcements;

public interface IAnnouncementStore
{
    /// <summary>Stores a new draft and returns it with its id.</summary>
    Announcement AddDraft(string authorKey, string? reportChatKey, string text, DateTimeOffset at);

    Announcement? Get(int id);

    /// <summary>Moves a draft to <see cref="AnnouncementState.Sending"/>; false when it was not a draft (so a second press does nothing).</summary>
    bool Confirm(int id, DateTimeOffset at);

    /// <summary>Moves a draft to <see cref="AnnouncementState.Cancelled"/>; false when it was not a draft.</summary>
    bool Cancel(int id);

    /// <summary>Every recipient is in the outbox.</summary>
    void MarkQueued(int id, int recipients);

    /// <summary>The report went to the author with these figures.</summary>
    void MarkDelivered(int id, DeliveryFigures figures, DateTimeOffset at);

    /// <summary>Confirmed announcements not yet reported, oldest first.</summary>
    IReadOnlyList<Announcement> InFlight();

    /// <summary>The newest announcements first.</summary>
    IReadOnlyList<Announcement> Recent(int take);
}
