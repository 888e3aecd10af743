namespace NewsBot.Storage;

/// <summary>Lets one article batch be open at a time in this process; the one entered is released once, however often it is disposed.</summary>
internal sealed class BatchGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Entered(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Entered(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
