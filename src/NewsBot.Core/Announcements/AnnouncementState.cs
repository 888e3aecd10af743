namespace NewsBot.Core.Announcements;

public enum AnnouncementState
{
    /// <summary>Shown to its author as a preview; nothing sent.</summary>
    Draft,

    /// <summary>The author pressed Cancel.</summary>
    Cancelled,

    /// <summary>Confirmed: being put into the outbox, or waiting there to be sent.</summary>
    Sending,

    /// <summary>Nothing pending any more; the author has had the delivery report.</summary>
    Delivered,
}
