namespace NewsBot.Core.Delivery;

/// <summary>
/// The note a group gets when one of its forum topics can no longer be written to (closed or
/// deleted): written in the group's language and queued to the group itself, where its admins
/// read it. Each loss is its own event, so a topic reopened and lost again is told again.
/// </summary>
public static class LostTopicNotice
{
    public static OutboxEntry For(ChatAddress topic, ChatAddress group, string? topicTitle, Texts groupTexts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(groupTexts);
        var topicId = ForumTopics.TopicIdOf(topic) ?? topic.Id;
        var shown = string.IsNullOrWhiteSpace(topicTitle) ? "#" + topicId : topicTitle;
        var eventKey = $"topic-lost:{topicId}:{now.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        var text = groupTexts.Get("forumTopic.lost", ("topic", shown));
        return OutboxEntry.ForNotice(group.Key, OutboxKeys.AdminNotice(group.Key, eventKey), eventKey, text, now);
    }
}
