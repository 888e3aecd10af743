namespace NewsBot.Core.Delivery;

/// <summary>The same for one outbox entry, over the pairs whose stories it carries; a pair without options rings and mentions nobody.</summary>
internal sealed class EntryPush
{
    // Made only when a role is asked for: one of these is used per chat of a fan-out.
    private List<string>? _mentions;
    private bool _loud;

    public bool Silent => !_loud;

    public IReadOnlyList<string> Mentions => _mentions is null ? [] : _mentions.ToArray();

    public void Add(PairPush? pair)
    {
        if (pair is null)
        {
            _loud = true;
            return;
        }

        _loud |= pair.Loud;
        foreach (var role in pair.Roles)
        {
            _mentions ??= [];
            if (!_mentions.Contains(role, StringComparer.Ordinal))
            {
                _mentions.Add(role);
            }
        }
    }
}
