namespace NewsBot.Tests.Fakes;

/// <summary>
/// Settings NewsBot refuses, each with what the refusal must name: one table for the tests of the
/// options validators and of a start that stops on a bad setting. Each family's test takes its
/// own rows; the first two columns are what the test sets, the third what the message must hold:
/// <c>Host</c>, a configuration key and its value; <c>Telegram</c>, a property of
/// <c>TelegramOptions</c> and its value; <c>TelegramWebhook</c>, the webhook address and secret;
/// <c>MonitoringListenUrl</c>, the configuration key and its value.
/// </summary>
public static class BadSettings
{
    private static readonly (string Family, string First, string Second, string Expected)[] Rows =
    [
        ("Host", "NewsBot:PageSize", "0", "NewsBot:PageSize"),
        ("Host", "NewsBot:Admins:0", "bob", "NewsBot:Admins:0"),
        ("Host", "NewsBot:CommandBurst", "0", "NewsBot:CommandBurst"),
        ("Host", "NewsBot:CommandsPerMinute", "-1", "NewsBot:CommandsPerMinute"),
        ("Host", "Feeds:PollInterval", "00:00:05", "Feeds:PollInterval"),
        ("Host", "Feeds:Sources:0:Url", "ftp://feeds.example/x", "Feeds:Sources:0:Url"),
        ("Telegram", "Token", "not-a-token", "Telegram:Token"),
        ("Telegram", "Token", "abc:def", "Telegram:Token"),
        ("Telegram", "Token", "123456:", "Telegram:Token"),
        ("Telegram", "ApiBaseUrl", "ftp://bots.example", "Telegram:ApiBaseUrl"),
        ("Telegram", "Mode", "Carrier pigeon", "Telegram:Mode"),
        ("TelegramWebhook", "http://bot.example/hook", "s3cret", "Telegram:WebhookUrl"),
        ("TelegramWebhook", "", "s3cret", "Telegram:WebhookUrl"),
        ("TelegramWebhook", "https://bot.example/hook", "", "Telegram:WebhookSecret"),
        ("TelegramWebhook", "https://bot.example/hook", "has space", "Telegram:WebhookSecret"),
        ("TelegramWebhook", "https://bot.example/hook", "ünïcode", "Telegram:WebhookSecret"),
        ("MonitoringListenUrl", "Monitoring:ListenUrl", "http://127.0.0.1:abc", "the port \"abc\", which is not a number"),
        ("MonitoringListenUrl", "Monitoring:ListenUrl", "http://127.0.0.1:70000", "the port \"70000\", which is not a number from 0 to 65535"),
        ("MonitoringListenUrl", "Monitoring:ListenUrl", "http://127.0.0.1", "must include a port"),
        ("MonitoringListenUrl", "Monitoring:ListenUrl", "https://127.0.0.1:9300", "plain http address"),
        ("MonitoringListenUrl", "Monitoring:ListenUrl", "127.0.0.1:9300", "must be an http address"),
        ("MonitoringListenUrl", "Monitoring:ListenUrl", "http://status.example.com:9300", "not a host name"),
    ];

    public static TheoryData<string, string, string> Of(string family)
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var row in Rows.Where(row => row.Family == family))
        {
            rows.Add(row.First, row.Second, row.Expected);
        }

        return rows.Count > 0 ? rows : throw new ArgumentException($"No bad settings of the family {family}.", nameof(family));
    }
}
