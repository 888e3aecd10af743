namespace NewsBot.Tests.Fakes;

/// <summary>A platform sender that records what it was asked to send and answers from a script.</summary>
public sealed class ScriptedSender(string platform = "telegram") : IChatSender
{
    private readonly Queue<SendOutcome> _script = new();
    private readonly Dictionary<string, SendOutcome> _byChat = new(StringComparer.Ordinal);

    public string Platform => platform;

    public List<(ChatAddress Chat, Reply Reply)> Attempts { get; } = [];

    public IEnumerable<(ChatAddress Chat, Reply Reply)> Delivered => Attempts.Where((_, i) => _delivered.Contains(i));

    private readonly HashSet<int> _delivered = [];

    /// <summary>The next sends answer these outcomes in order; after that every send succeeds.</summary>
    public void Then(params SendOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            _script.Enqueue(outcome);
        }
    }

    /// <summary>Every send to this chat answers <paramref name="outcome"/>, before any scripted order.</summary>
    public void Always(string chatKey, SendOutcome outcome) => _byChat[chatKey] = outcome;

    public Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
    {
        Attempts.Add((chat, reply));
        var outcome = _byChat.TryGetValue(chat.Key, out var fixedOutcome) ? fixedOutcome
            : _script.Count > 0 ? _script.Dequeue() : new SendOutcome.Sent();
        if (outcome is SendOutcome.Sent)
        {
            _delivered.Add(Attempts.Count - 1);
        }

        return Task.FromResult(outcome);
    }
}
