namespace NewsBot.Core.Delivery;

/// <summary>Checks the Delivery section; each failure names the key to fix.</summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        Check(failures, "Telegram", options.Telegram);
        Check(failures, "Discord", options.Discord);
        if (options.MaxConcurrentSends is < 1 or > 100)
        {
            failures.Add($"Delivery:MaxConcurrentSends must be between 1 and 100; got {options.MaxConcurrentSends}.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"Delivery:BatchSize must be between 1 and 10000; got {options.BatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string platform, PlatformPacing? pacing)
    {
        if (pacing is null)
        {
            failures.Add($"Delivery:{platform} must hold MessagesPerSecond, PerChatPerSecond and PerGroupPerMinute.");
            return;
        }

        // Upper bounds only catch typos; a self-hosted API server may allow far more than the public one.
        Positive(failures, $"Delivery:{platform}:MessagesPerSecond", pacing.MessagesPerSecond, 1_000_000);
        Positive(failures, $"Delivery:{platform}:PerChatPerSecond", pacing.PerChatPerSecond, 1_000_000);
        Positive(failures, $"Delivery:{platform}:PerGroupPerMinute", pacing.PerGroupPerMinute, 60_000_000);
    }

    private static void Positive(List<string> failures, string key, double value, double most)
    {
        if (double.IsNaN(value) || value <= 0 || value > most)
        {
            failures.Add($"{key} must be a number above 0 and at most {most:0}; got {value}.");
        }
    }
}
