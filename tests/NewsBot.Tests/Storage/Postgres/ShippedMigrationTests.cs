using System.Security.Cryptography;
using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Storage.Postgres;

/// <summary>
/// A released schema step never changes: databases that ran it would never run it again. Its
/// text may be composed differently in code, but what it sends to PostgreSQL stays byte for byte
/// what was released.
/// </summary>
public sealed class ShippedMigrationTests
{
    [Theory]
    [InlineData(1, "3d2ed10b2861de4892b0922456a8fe58272cc9a26e61e02d8375e97825a793d5")]
    [InlineData(2, "f0bc9afbd69bbbb79dc04356e4549d2a3a92b6afa90975acc117a1e292b22fd5")]
    [InlineData(3, "88aadbca7d5a9e3a0a64b275ab40ee80d41bd4801a8afea0cbcb0f9f45fafe65")]
    [InlineData(4, "5ba8bcc707b3941dd920da0ed0c5e36a23bba12138d5e678bc0ee500675df9df")]
    public void AReleasedStep_SendsTheSameStatementsAsWhenItWasReleased(int version, string sha256)
    {
        var step = PostgresMigrations.All.Single(m => m.Version == version);

        var sent = step.Sql.ReplaceLineEndings("\n");

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sent))));
    }
}
