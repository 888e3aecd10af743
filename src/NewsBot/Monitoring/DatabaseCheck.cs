namespace NewsBot.Monitoring;

/// <summary>The database answers a read of the state collection, which every part of the bot shares.</summary>
internal sealed class DatabaseCheck(IStateStore state) : IReadinessCheck
{
    // Any name works: the read goes through LiteDB's index whether or not the value exists.
    private const string ProbeName = "telegram.offset";

    public string Name => "database";

    public async ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = await state.GetAsync(ProbeName, cancellationToken).ConfigureAwait(false);
            return CheckResult.Pass("readable");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return CheckResult.Fail("cannot be read: " + ex.Message);
        }
    }
}
