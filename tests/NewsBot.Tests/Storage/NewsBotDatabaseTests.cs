using LiteDB;
using NewsBot.Storage;
using NewsBot.Tests.Fakes;

namespace NewsBot.Tests.Storage;

public sealed class NewsBotDatabaseTests
{
    [Fact]
    public void Open_NewFolder_CreatesDatabaseWithSchemaVersion()
    {
        using var folder = new TempDirectory();
        var path = System.IO.Path.Combine(folder.Path, "nested", "data");

        using (var database = NewsBotDatabase.Open(path))
        {
            Assert.Equal("1", database.State.FindById("schema").Value);
        }

        Assert.True(File.Exists(System.IO.Path.Combine(path, NewsBotDatabase.FileName)));
    }

    [Fact]
    public void Open_SecondTimeWhileOpen_FailsWithClearMessage()
    {
        using var folder = new TempDirectory();
        using var first = NewsBotDatabase.Open(folder.Path);

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("in use by another NewsBot process", error.Message, StringComparison.Ordinal);
        Assert.Contains("NewsBot:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterTheFirstIsClosed_Succeeds()
    {
        using var folder = new TempDirectory();
        NewsBotDatabase.Open(folder.Path).Dispose();

        using var again = NewsBotDatabase.Open(folder.Path);

        Assert.NotNull(again.Database);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(23)]
    [InlineData(100)]
    public void Open_TinyFile_IsRefusedAndLeftUntouched(int size)
    {
        using var folder = new TempDirectory();
        var file = System.IO.Path.Combine(folder.Path, NewsBotDatabase.FileName);
        var content = Enumerable.Range(0, size).Select(i => (byte)('a' + (i % 26))).ToArray();
        File.WriteAllBytes(file, content);

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllBytes(file));
    }

    [Fact]
    public void Open_GarbageFile_IsRefusedAndLeftUntouched()
    {
        using var folder = new TempDirectory();
        var file = System.IO.Path.Combine(folder.Path, NewsBotDatabase.FileName);
        var garbage = new byte[65_536];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(file, garbage);

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("cannot be read as a NewsBot database", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(file));
    }

    [Fact]
    public void Open_ForeignLiteDbFile_IsRefused()
    {
        using var folder = new TempDirectory();
        var file = System.IO.Path.Combine(folder.Path, NewsBotDatabase.FileName);
        using (var foreign = new LiteDatabase($"Filename={file};Connection=direct"))
        {
            foreign.GetCollection("customers").Insert(new BsonDocument { ["name"] = "Ada" });
        }

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("not a NewsBot database", error.Message, StringComparison.Ordinal);
        using var check = new LiteDatabase($"Filename={file};Connection=direct");
        Assert.Equal(1, check.GetCollection("customers").Count());
    }

    [Fact]
    public void Open_NewerSchema_IsRefused()
    {
        using var folder = new TempDirectory();
        using (var database = NewsBotDatabase.Open(folder.Path))
        {
            database.State.Upsert(new StateDocument { Id = "schema", Value = "99" });
        }

        var error = Assert.Throws<DatabaseUnavailableException>(() => NewsBotDatabase.Open(folder.Path));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }
}
