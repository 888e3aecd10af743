namespace NewsBot.Core.Search;

/// <summary>
/// Stories told by several reports: per lead slot, the slots of its later reports. A later
/// report stays out of the lists and, in search, stands in for its story only when it matches
/// best. Keeps <see cref="ArticleSlots.Leads"/> and <see cref="ArticleSlots.InStory"/> in step.
/// Not thread-safe on its own: <see cref="ArticleIndex"/> guards it.
/// </summary>
internal sealed class StoryGroups(ArticleSlots slots)
{
    private readonly Dictionary<int, List<int>> _members = [];

    /// <summary>Makes <paramref name="slot"/> a later report of the story <paramref name="lead"/> leads.</summary>
    public void Join(int lead, int slot)
    {
        slots.SetLead(slot, lead);
        slots.SetInStory(slot, true);
        slots.SetInStory(lead, true);
        if (!_members.TryGetValue(lead, out var members))
        {
            members = [];
            _members.Add(lead, members);
        }

        members.Add(slot);
    }

    /// <summary>A later report of the story <paramref name="lead"/> leads was removed.</summary>
    public void Leave(int lead, int slot)
    {
        if (_members.TryGetValue(lead, out var siblings))
        {
            siblings.Remove(slot);
            slots.SetInStory(lead, siblings.Count > 0);
        }
    }

    /// <summary>
    /// The lead <paramref name="lead"/> was removed: the story lives on in its earliest later
    /// report, which now leads it. Returns that report's slot, or -1 when the story had none.
    /// </summary>
    public int PassOn(int lead)
    {
        if (!_members.Remove(lead, out var members) || members.Count == 0)
        {
            return -1;
        }

        var ticks = slots.Ticks;
        var next = members.MinBy(m => ticks[m]);
        slots.SetLead(next, next);
        members.Remove(next);
        foreach (var member in members)
        {
            slots.SetLead(member, next);
        }

        slots.SetInStory(next, members.Count > 0);
        if (members.Count > 0)
        {
            _members[next] = members;
        }

        return next;
    }

    /// <summary>Follows the slots to their new numbers after a compaction.</summary>
    public void Renumber(int[] renumbered)
    {
        var stories = _members.ToList();
        _members.Clear();
        foreach (var (lead, members) in stories)
        {
            for (var i = 0; i < members.Count; i++)
            {
                members[i] = renumbered[members[i]];
            }

            _members[renumbered[lead]] = members;
        }
    }
}
