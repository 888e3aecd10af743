namespace NewsBot.Tests.Storage.Contract;

/// <summary>Makes a fresh, empty database of one provider for each test.</summary>
internal abstract class StoreFactory
{
    public abstract Task<StoreSet> CreateAsync();
}
