namespace NewsBot.Tests.Storage;

/// <summary>Which stores <c>Storage:Provider</c> puts behind the ports; the PostgreSQL side is in Postgres/.</summary>
public sealed class StorageRegistrationTests : FolderTest
{
    [Fact]
    public void NoSettings_IsLiteDb_WithScheduledBackupsInTheService()
    {
        using var host = Build(HostMode.Service);

        Assert.IsType<LiteDbArticleStore>(host.Services.GetRequiredService<IArticleStore>());
        Assert.NotNull(host.Services.GetService<BackupService>());
    }

    [Theory]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider must be LiteDb")]
    [InlineData("Storage:BackupsToKeep", "0", "Storage:BackupsToKeep must be between 1 and 1000")]
    public async Task BadStorageKey_StopsTheStart_NamingIt_BeforeTheDatabaseFileIsMade(string key, string value, string expected)
    {
        using var host = Build(HostMode.TerminalChat, new() { [key] = value });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.True(StartupFailure.TryDescribe(failure, out var message), failure.ToString());
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Folder.Path));
    }

    private IHost Build(HostMode mode, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["NewsBot:DataDirectory"] = Folder.Path,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Telegram:Token"] = "",
            ["Discord:Token"] = "",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return NewsBotHost.CreateBuilder(mode, c => c.AddInMemoryCollection(all)).Build();
    }
}
