namespace NewsBot.Tests.Fakes;

/// <summary>
/// What a fake server answers instead of its default, queued per method or route: each answer is
/// used once, in the order queued. Safe to use from the server's request threads and the test at once.
/// </summary>
public sealed class ScriptedAnswers<TAnswer>(IEqualityComparer<string> keys)
    where TAnswer : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<TAnswer>> _queues = new(keys);

    public void Enqueue(string key, IEnumerable<TAnswer> answers)
    {
        lock (_lock)
        {
            if (!_queues.TryGetValue(key, out var queue))
            {
                _queues[key] = queue = new Queue<TAnswer>();
            }

            foreach (var answer in answers)
            {
                queue.Enqueue(answer);
            }
        }
    }

    /// <summary>The next answer queued for <paramref name="key"/>, taken off its queue; null when none is left.</summary>
    public TAnswer? Next(string key)
    {
        lock (_lock)
        {
            return _queues.TryGetValue(key, out var queue) && queue.TryDequeue(out var answer) ? answer : null;
        }
    }

    /// <summary>Forgets the answers still queued for <paramref name="key"/>.</summary>
    public void Clear(string key)
    {
        lock (_lock)
        {
            _queues.Remove(key);
        }
    }
}
