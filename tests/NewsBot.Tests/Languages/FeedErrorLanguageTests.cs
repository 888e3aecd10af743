using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsBot.Tests.Feeds;

namespace NewsBot.Tests.Languages;

/// <summary>
/// What goes wrong with a feed — the fetcher's refusals and limits, HTTP answers, what the parser
/// makes of a document that is not a feed — is stored as a key with its arguments and shown to
/// each admin in their language in /feeds list and /sources; English readers read the words they
/// always read.
/// </summary>
public sealed class FeedErrorLanguageTests : IDisposable
{
    private const string Operator = "terminal:local";

    private readonly PollingHarness _polling = new(new FeedsOptions { DisableAfterFailures = 5, RequestTimeout = TimeSpan.FromSeconds(15), MaxFeedBytes = 4 * 1024 });

    public void Dispose() => _polling.Dispose();

    public static TheoryData<string, string, string, string> Failures() => new()
    {
        { "/missing", "feedError.http", "HTTP 404 Not Found", "der Server antwortete mit HTTP 404 Not Found" },
        { "/page", "feedError.htmlTitled", "This looks like an HTML web page, not a feed (page title: \"Just a moment...\")", "das sieht nach einer HTML-Webseite aus, nicht nach einem Feed (Seitentitel: „Just a moment...“)" },
        { "/loop", "feedError.redirectLoop", "Too many redirects (more than 5); the site may be redirecting in a loop", "zu viele Weiterleitungen (mehr als 5); die Seite leitet vielleicht im Kreis weiter" },
        { "/big", "feedError.tooLarge", "The feed is larger than 4 KB (Feeds:MaxFeedBytes)", "der Feed ist größer als 4 KB (Feeds:MaxFeedBytes)" },
        { "/cut", "feedError.xml", "XML error", "XML-Fehler" },
        { "/plain", "feedError.plainText", "This looks like plain text, not a feed (it starts with \"Hello, this is not a feed\")", "das sieht nach reinem Text aus, nicht nach einem Feed (er beginnt mit „Hello, this is not a feed“)" },
        { "/json", "feedError.notJsonFeed", "This is JSON, but not a JSON Feed (there is no \"version\": \"https://jsonfeed.org/version/1.1\")", "das ist JSON, aber kein JSON Feed (es fehlt \"version\": \"https://jsonfeed.org/version/1.1\")" },
        { "/empty", "feedError.empty", "The document is empty", "das Dokument ist leer" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AFeedsFailure_IsStoredAsAKey_AndShownToEachReaderInTheirLanguage(string path, string key, string english, string german)
    {
        await using var site = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/missing", () => Results.NotFound());
            app.MapGet("/page", () => Results.Text("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>", "text/html"));
            app.MapGet("/loop", () => Results.Redirect("/loop"));
            app.MapGet("/big", () => Results.Text(FeedSamples.Rss(200), "application/rss+xml"));
            app.MapGet("/cut", () => Results.Text("<rss version=\"2.0\"><channel><title>Cut short</title><item>", "application/rss+xml"));
            app.MapGet("/json", () => Results.Text("{\"title\": \"not a feed\"}", "application/json"));
            app.MapGet("/plain", () => Results.Text("Hello, this is not a feed", "text/plain"));
            app.MapGet("/empty", () => Results.Text("  ", "application/rss+xml"));
        });

        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url(path), "Broken Wire"));

        Assert.StartsWith($"{{\"text\":\"{key}", source.LastError, StringComparison.Ordinal);
        Assert.Contains(english, await Flat.Of(_polling.Bot.SendAsync("/feeds list", user: Operator, chat: Operator)), StringComparison.Ordinal);
        await _polling.Bot.SendAsync("/language de", user: Operator, chat: Operator);
        var list = await Flat.Of(_polling.Bot.SendAsync("/feeds list", user: Operator, chat: Operator));
        var sources = await Flat.Of(_polling.Bot.SendAsync("/sources", user: Operator, chat: Operator));
        Assert.Contains(german, list, StringComparison.Ordinal);
        Assert.Contains(german, sources, StringComparison.Ordinal);
        if (!german.Contains(english, StringComparison.Ordinal))
        {
            Assert.DoesNotContain(english, list + sources, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnAddressInTheLocalNetwork_IsRefusedInTheReadersLanguage()
    {
        _polling.Options.AllowPrivateAddresses = false;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () => Results.Text(FeedSamples.Rss(1), "application/rss+xml")));
        var url = site.Url("/feed").Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        var source = await _polling.PollAsync(await _polling.AddAsync(url));
        await _polling.Bot.SendAsync("/language ru", user: Operator, chat: Operator);

        Assert.StartsWith("{\"text\":\"feedError.privateAddress\"", source.LastError, StringComparison.Ordinal);
        Assert.Contains("localhost — частный или локальный адрес", await Flat.Of(_polling.Bot.SendAsync("/sources", user: Operator, chat: Operator)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeedThatChangesItsIds_CarriesANoteInTheReadersLanguage()
    {
        var round = 0;
        await using var site = await FeedServer.StartAsync(app => app.MapGet("/feed", () =>
        {
            var items = string.Concat(Enumerable.Range(1, 3).Select(n => $"<item><guid>{round}-{n}</guid><title>Story {n}</title><link>https://wire.example/{n}</link></item>"));
            return Results.Text($"<rss version=\"2.0\"><channel><title>Wire</title>{items}</channel></rss>", "application/rss+xml");
        }));
        var source = await _polling.PollAsync(await _polling.AddAsync(site.Url("/feed")));
        round = 1;
        await _polling.PollAsync(source);
        await _polling.Bot.SendAsync("/language es", user: Operator, chat: Operator);

        Assert.Contains("El feed da identificadores nuevos a entradas antiguas", await Flat.Of(_polling.Bot.SendAsync("/feeds list", user: Operator, chat: Operator)), StringComparison.Ordinal);
    }
}
