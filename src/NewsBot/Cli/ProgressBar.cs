namespace NewsBot.Cli;

/// <summary>A one-line progress bar on a terminal; plain "n/total" lines when output is redirected.</summary>
internal sealed class ProgressBar(TextWriter output, int total, bool? interactive = null)
{
    private const int Width = 30;
    private readonly bool _interactive = interactive ?? !Console.IsErrorRedirected;
    private readonly Lock _lock = new();
    private int _done;

    public void Advance(string label) => Advance(1, label);

    /// <summary>Moves on by <paramref name="count"/> at once, as a step that handles many items in a batch does.</summary>
    public void Advance(int count, string label)
    {
        lock (_lock)
        {
            _done += count;
            if (_interactive)
            {
                var filled = total == 0 ? Width : Math.Min(Width, (int)((long)_done * Width / total));
                var name = label.Length > 30 ? label[..29] + "…" : label;
                output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{total} {name,-30}");
            }
            else
            {
                output.WriteLine($"{_done}/{total} {label}");
            }
        }
    }

    public void Finish()
    {
        if (_interactive && total > 0 && _done > 0)
        {
            output.WriteLine();
        }
    }
}
