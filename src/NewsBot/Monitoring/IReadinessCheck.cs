namespace NewsBot.Monitoring;

/// <summary>One part of <c>/readyz</c>: something the bot needs to do its work.</summary>
internal interface IReadinessCheck
{
    /// <summary>The entry's name in the JSON answer, such as <c>database</c> or <c>telegram</c>.</summary>
    string Name { get; }

    ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>How one check went; <paramref name="Detail"/> is a short sentence for an operator.</summary>
internal sealed record CheckResult(bool Healthy, string Detail)
{
    public static CheckResult Pass(string detail) => new(true, detail);

    public static CheckResult Fail(string detail) => new(false, detail);
}
