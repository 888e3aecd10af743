using System.Runtime.InteropServices;

namespace NewsBot.Storage.Postgres;

/// <summary>Hands out one instance per distinct text, for rows that are kept in memory by the thousand.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, string> _instances = new(StringComparer.Ordinal);

    public string Get(string text)
    {
        ref var instance = ref CollectionsMarshal.GetValueRefOrAddDefault(_instances, text, out var known);
        if (!known)
        {
            instance = text;
        }

        return instance!;
    }
}
