using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Storage;

public sealed class StorageOptionsValidatorTests
{
    private static List<string> Failures(string provider, string connectionString = "") =>
        new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = provider, Postgres = new PostgresOptions { ConnectionString = connectionString } }).Failures?.ToList() ?? [];

    [Fact]
    public void Defaults_AreLiteDb_AndValid()
    {
        Assert.Equal(StorageProviders.LiteDb, new StorageOptions().Provider);
        Assert.Empty(Failures(new StorageOptions().Provider));
        Assert.Empty(Failures("litedb", "not a connection string at all"));
    }

    [Fact]
    public void UnknownProvider_IsRefused_NamingTheKeyAndTheChoices()
    {
        var failure = Assert.Single(Failures("Mongo"));

        Expect.ContainsAll(failure, "Storage:Provider", "LiteDb", "Postgres", "Mongo");
    }

    [Theory]
    [InlineData(" ", new[] { "Storage:Postgres:ConnectionString must be set", "Storage__Postgres__ConnectionString" })]
    [InlineData("Database=newsbot;Username=newsbot;Password=s3cr3t", new[] { "Storage:Postgres:ConnectionString names no server" })]
    public void Postgres_WithoutAConnectionStringOrAHost_NamesTheKey_AndSaysWhatIsMissing_AndRepeatsNoPassword(string connectionString, string[] expected)
    {
        var failure = Assert.Single(Failures("Postgres", connectionString));

        Expect.ContainsAll(failure, expected);
        Assert.DoesNotContain("s3cr3t", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.example;Password=s3cr3t-pw;Datbase=newsbot")]
    [InlineData("Host=db.example;Password=s3cr3t;pw=x")]
    [InlineData("Host=db.example;Port=s3cr3t-pw")]
    [InlineData("s3cr3t-pw")]
    public void Postgres_UnreadableConnectionString_NamesTheKey_AndRepeatsNothingOfIt(string connectionString)
    {
        var failure = Assert.Single(Failures("postgres", connectionString));

        Assert.Contains("Storage:Postgres:ConnectionString cannot be read", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("db.example", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_WithAUsableConnectionString_IsValid()
    {
        Assert.Empty(Failures("Postgres", "Host=db.example;Port=5433;Database=newsbot;Username=newsbot;Password=\"a;b=c\""));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("LiteDb", false)]
    [InlineData("Mongo", false)]
    [InlineData("Postgres", true)]
    [InlineData(" postgres ", true)]
    public void TheProviderChosen_IsReadFromTheConfiguration(string? value, bool postgres)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = value }).Build();

        Assert.Equal(postgres, StorageProviders.UsesPostgres(configuration));
    }
}
