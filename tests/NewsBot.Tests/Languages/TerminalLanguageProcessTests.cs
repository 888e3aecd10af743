namespace NewsBot.Tests.Languages;

/// <summary>
/// <c>newsbot chat</c> speaks the operating system's language (LC_ALL, LC_MESSAGES, LANG), the
/// nearest one NewsBot has, until /language chooses another.
/// </summary>
public sealed class TerminalLanguageProcessTests : FolderTest
{
    private static readonly LanguageCatalog Catalog = LanguageCatalog.Default;

    [Theory]
    [InlineData("LANG", "de_AT.UTF-8", "de")]
    [InlineData("LANG", "pt_BR.UTF-8", "pt-BR")]
    [InlineData("LANG", "zh_CN.UTF-8", "zh-Hans")]
    [InlineData("LC_MESSAGES", "ru_RU.UTF-8", "ru")]
    [InlineData("LC_ALL", "es_MX.UTF-8", "es")]
    [InlineData("LANG", "C", "en")]
    [InlineData("LANG", "POSIX", "en")]
    [InlineData("LANG", "fr_FR.UTF-8", "en")]
    public async Task TheChat_AnswersInTheSystemsLanguage_TheNearestItHas(string variable, string value, string expected)
    {
        var (exitCode, output, errors) = await RunAsync("/start\n", new() { [variable] = value });

        Assert.True(exitCode == 0, errors);
        Assert.Contains(Catalog.For(expected).Get("start.help"), output, StringComparison.Ordinal);
        Assert.All(Catalog.All.Where(l => l.Code != expected), other => Assert.DoesNotContain(Catalog.For(other).Get("start.help"), output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Language_ChosenInTheChat_OutweighsTheSystemsLanguage_AlsoInTheNextRun()
    {
        var german = new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8" };

        var (_, first, _) = await RunAsync("/start\n/language ru\n/start\n", german);
        var (_, second, _) = await RunAsync("/start\n", german);

        var russian = Catalog.For("ru").Get("start.help");
        Assert.Contains(Catalog.For("de").Get("start.help"), first, StringComparison.Ordinal);
        Assert.True(first.IndexOf(russian, StringComparison.Ordinal) > first.IndexOf(Catalog.For("de").Get("start.help"), StringComparison.Ordinal), first);
        Assert.Contains(russian, second, StringComparison.Ordinal);
        Assert.DoesNotContain(Catalog.For("de").Get("start.help"), second, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(string input, Dictionary<string, string> environment) =>
        NewsBotProcess.RunAsync(Folder.Path, ["chat"], input, environment);
}
