using Microsoft.Playwright;

namespace NewsBot.Tests.Monitoring;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright. Playwright downloads no browser here: it
/// launches the system one. A missing Chromium fails the test with a message rather than skipping it.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    /// <summary>The browser's one context, on a fresh profile folder of its own.</summary>
    public IBrowserContext Context { get; }

    public static string Executable()
    {
        var found = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));
        Assert.True(found is not null, "Chromium is not installed, so the status page cannot be checked in a browser. Install Debian's chromium package (apt-get install chromium); .ci/run does this when it is missing.");
        return found!;
    }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = Executable();
        var profile = Path.Combine(Path.GetTempPath(), "newsbot-tests", "chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Playwright passes the profile folder as --user-data-dir and adds --headless itself.
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Timeout = 60_000,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
            });
            return new HeadlessChromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; it is only a temp folder.
        }
    }
}
