namespace NewsBot.Monitoring;

/// <summary>Telegram accepted the token and told the bot who it is.</summary>
internal sealed class TelegramCheck(TelegramBotService service, TelegramBotIdentity identity) : IReadinessCheck
{
    public string Name => "telegram";

    public ValueTask<CheckResult> CheckAsync(CancellationToken cancellationToken) => ValueTask.FromResult(
        service.TokenRefused ? CheckResult.Fail("Telegram refused the bot token; check Telegram:Token")
        : identity.Id != 0 ? CheckResult.Pass($"connected as @{identity.UserName}")
        : CheckResult.Fail("not connected yet"));
}
