using NewsBot.Core.Announcements;

namespace NewsBot.Storage;

internal sealed class LiteDbAnnouncementListeners(NewsBotDatabase database) : IAnnouncementListeners
{
    public IReadOnlyList<string> ChatKeys(string platform) =>
        database.Chats.Query()
            .Where(c => c.Active && c.Platform == platform && !c.AnnouncementsMuted)
            .Select(c => c.Id)
            .ToList();
}
