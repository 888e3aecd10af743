using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsBot.Tests.Feeds;

public sealed class FeedsRegistrationTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Fixtures.Directory,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFeeds();
        return builder.Build();
    }

    [Fact]
    public async Task AddFeeds_ValidConfiguration_BindsOptionsAndResolvesServices()
    {
        using var host = BuildHost(new()
        {
            ["Feeds:PollInterval"] = "00:05:00",
            ["Feeds:RequestTimeout"] = "00:00:07",
            ["Feeds:MaxFeedBytes"] = "4096",
            ["Feeds:AllowPrivateAddresses"] = "true",
            ["Feeds:Sources:0:Name"] = "Daily Circuit",
            ["Feeds:Sources:0:Url"] = "Samples/daily-circuit.xml",
            ["Feeds:Sources:0:Topics:0"] = "technology",
        });

        await host.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<FeedsOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(7), options.RequestTimeout);
        Assert.Equal(4096, options.MaxFeedBytes);
        Assert.True(options.AllowPrivateAddresses);
        var source = Assert.Single(options.Sources);
        Assert.Equal("Daily Circuit", source.Name);
        Assert.Equal(["technology"], source.Topics);
        Assert.Same(host.Services.GetRequiredService<FeedFetcher>(), host.Services.GetRequiredService<FeedFetcher>());
        Assert.NotNull(host.Services.GetRequiredService<FeedParser>());
        Assert.NotNull(host.Services.GetRequiredService<FeedCheck>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AddFeeds_InvalidConfiguration_StopsStartWithTheKeyName()
    {
        using var host = BuildHost(new()
        {
            ["Feeds:PollInterval"] = "00:00:10",
            ["Feeds:Sources:0:Name"] = "Bad",
            ["Feeds:Sources:0:Url"] = "ftp://x",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Feeds:PollInterval must be at least 00:01:00; got 00:00:10", error.Failures);
        Assert.Contains("Feeds:Sources:0:Url must be an http(s) URL or a file path; got 'ftp://x'", error.Failures);
    }

    [Fact]
    public async Task AddFeeds_RegisteredCheck_ReadsAFixtureFileByRelativePath()
    {
        using var host = BuildHost([]);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = await host.Services.GetRequiredService<FeedCheck>().RunAsync("rss10_rdf.xml", false, output, errors, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains("Format:  RSS 1.0", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public async Task AddFeeds_HttpClient_HonoursAllowPrivateAddresses(string allow, bool expectSuccess)
    {
        await using var server = await FeedServer.StartAsync(app =>
            app.MapGet("/feed.xml", () => Results.Bytes(Fixtures.Bytes("atom10.xml"), "application/atom+xml")));
        using var host = BuildHost(new() { ["Feeds:AllowPrivateAddresses"] = allow });

        var result = await host.Services.GetRequiredService<FeedFetcher>().FetchAsync(server.Url("/feed.xml"), null, CancellationToken.None);

        Assert.Equal(expectSuccess, result is FetchResult.Success);
    }
}
