namespace NewsBot.Tests.Hosting;

public sealed class NewsBotHostTests : FolderTest
{
    [Fact]
    public async Task Start_WithDefaultSettings_ReadsTheBundledSamplesBeforeTheFirstCommand()
    {
        using var host = Build();
        await host.StartAsync();

        var transcript = await ChatAsync(host, "/latest\n/sources\n/topics\n");

        Assert.Contains("Latest news — page 1 of", transcript, StringComparison.Ordinal);
        Assert.Contains("Sources (4 of 4 healthy)", transcript, StringComparison.Ordinal);
        foreach (var topic in new[] { "technology", "science", "business", "health", "sports", "culture", "climate" })
        {
            Assert.Contains(topic, transcript, StringComparison.Ordinal);
        }

        await host.StopAsync();
    }

    [Fact]
    public async Task Start_Twice_DoesNotStoreTheSamplesAgain()
    {
        int first;
        using (var host = Build())
        {
            await host.StartAsync();
            first = await host.Services.GetRequiredService<NewsBot.Core.Articles.IArticleStore>().CountAsync(CancellationToken.None);
            await host.StopAsync();
        }

        using var again = Build();
        await again.StartAsync();

        Assert.True(first >= 60, $"the samples hold at least 60 articles, got {first}");
        Assert.Equal(first, await again.Services.GetRequiredService<NewsBot.Core.Articles.IArticleStore>().CountAsync(CancellationToken.None));
        Assert.Equal(first, again.Services.GetRequiredService<NewsBot.Core.Search.ArticleIndex>().Count);
        await again.StopAsync();
    }

    [Fact]
    public async Task Start_FreshDatabases_NumberTheArticlesTheSameWay()
    {
        using var other = new TempDirectory();
        using var first = Build();
        await first.StartAsync();
        var firstTranscript = await ChatAsync(first, "/latest\n/read 1\n");
        await first.StopAsync();

        using var second = Build(new() { ["NewsBot:DataDirectory"] = other.Path });
        await second.StartAsync();
        var secondTranscript = await ChatAsync(second, "/latest\n/read 1\n");
        await second.StopAsync();

        // Compare the numbered titles only: relative times may tick over between the two starts.
        static string[] Titles(string transcript) => transcript.Split('\n').Where(l => l.Contains('#', StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(Titles(firstTranscript));
        Assert.Equal(Titles(firstTranscript), Titles(secondTranscript));
    }

    [Fact]
    public async Task Start_MissingSampleFile_ReportsItInSourcesAndKeepsTheOthers()
    {
        using var host = Build(new()
        {
            ["Feeds:Sources:4:Name"] = "Gone Gazette",
            ["Feeds:Sources:4:Url"] = "Samples/no-such-feed.xml",
        });
        await host.StartAsync();

        var transcript = await ChatAsync(host, "/sources\n/latest\n");

        Expect.ContainsAll(transcript, "Sources (4 of 5 healthy)", "Gone Gazette", "failing: Feed file not found", "Latest news — page 1 of");
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_SourceThatIsNotAFeed_IsReportedAndStoresNothing()
    {
        var page = System.IO.Path.Combine(Folder.Path, "page.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><html><head><title>Shop</title></head><body><p>Buy things</p></body></html>");
        using var host = Build(new()
        {
            ["Feeds:Sources:4:Name"] = "Not A Feed",
            ["Feeds:Sources:4:Url"] = page,
        });
        await host.StartAsync();

        var transcript = await ChatAsync(host, "/sources\n");

        Assert.Contains("Not A Feed", transcript, StringComparison.Ordinal);
        Assert.Contains("0 articles · failing: This looks like an HTML web page", transcript, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Theory]
    [MemberData(nameof(BadSettings.Of), "Host", MemberType = typeof(BadSettings))]
    public async Task Start_BadSetting_StopsWithAMessageNamingTheKey(string key, string value, string named)
    {
        using var host = Build(new() { [key] = value });

        var message = await FailedStart.MessageAsync(() => host.StartAsync());

        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecondHostOnTheSameData_StopsWithAClearMessage()
    {
        using var first = Build();
        await first.StartAsync();

        var message = await FailedStart.MessageAsync(async () =>
        {
            using var second = Build();
            await second.StartAsync();
        });

        Assert.Contains("in use by another NewsBot process", message, StringComparison.Ordinal);
        await first.StopAsync();
    }

    private IHost Build(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["NewsBot:DataDirectory"] = Folder.Path,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return NewsBotHost.CreateBuilder(HostMode.TerminalChat, c => c.AddInMemoryCollection(all)).Build();
    }

    private static async Task<string> ChatAsync(IHost host, string input)
    {
        var output = new StringWriter();
        await host.Services.GetRequiredService<TerminalChat>().RunAsync(new StringReader(input), output, interactive: false, CancellationToken.None);
        return output.ToString();
    }
}
