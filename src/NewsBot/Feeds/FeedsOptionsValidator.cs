namespace NewsBot.Feeds;

/// <summary>
/// Checks the "Feeds" section at start-up; every message names the configuration key to fix.
/// </summary>
internal sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinRequestTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(5);
    private const long MinFeedBytes = 1024;
    private const long MaxFeedBytesLimit = 100L * 1024 * 1024;
    private const int MinItemsPerRead = 10;
    private const int MaxItemsPerReadLimit = 10_000;

    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = FeedsOptions.SectionName;

        if (options.PollInterval < MinPollInterval)
        {
            failures.Add($"{section}:PollInterval must be at least {MinPollInterval:c}; got {options.PollInterval:c}");
        }

        if (options.RequestTimeout < MinRequestTimeout || options.RequestTimeout > MaxRequestTimeout)
        {
            failures.Add($"{section}:RequestTimeout must be between {MinRequestTimeout:c} and {MaxRequestTimeout:c}; got {options.RequestTimeout:c}");
        }

        if (options.MaxFeedBytes < MinFeedBytes || options.MaxFeedBytes > MaxFeedBytesLimit)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{section}:MaxFeedBytes must be between {MinFeedBytes} and {MaxFeedBytesLimit} (100 MB); got {options.MaxFeedBytes}"));
        }

        if (options.MaxPollInterval < options.PollInterval)
        {
            failures.Add($"{section}:MaxPollInterval must be at least {section}:PollInterval ({options.PollInterval:c}); got {options.MaxPollInterval:c}");
        }

        if (options.MaxConcurrentFetches is < 1 or > 256)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:MaxConcurrentFetches must be between 1 and 256; got {options.MaxConcurrentFetches}"));
        }

        if (options.MaxConcurrentFetchesPerHost < 1 || options.MaxConcurrentFetchesPerHost > options.MaxConcurrentFetches)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:MaxConcurrentFetchesPerHost must be between 1 and {section}:MaxConcurrentFetches; got {options.MaxConcurrentFetchesPerHost}"));
        }

        if (options.RetryAfterFailure < TimeSpan.FromSeconds(10) || options.RetryAfterFailure > options.MaxRetryInterval)
        {
            failures.Add($"{section}:RetryAfterFailure must be between 00:00:10 and {section}:MaxRetryInterval; got {options.RetryAfterFailure:c}");
        }

        if (options.DisableAfterFailures < 1)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:DisableAfterFailures must be at least 1; got {options.DisableAfterFailures}"));
        }

        if (options.NewItemMaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{section}:NewItemMaxAge must be positive; got {options.NewItemMaxAge:c}");
        }

        if (!string.IsNullOrWhiteSpace(options.Proxy)
            && (!Uri.TryCreate(options.Proxy.Trim(), UriKind.Absolute, out var proxy)
                || proxy.Scheme is not ("http" or "https" or "socks4" or "socks4a" or "socks5")
                || string.IsNullOrEmpty(proxy.Host)))
        {
            failures.Add($"{section}:Proxy must be empty or an absolute http://, https://, socks4://, socks4a:// or socks5:// address such as http://proxy.internal:3128; got '{options.Proxy}'");
        }

        if (options.MaxItemsPerRead is < MinItemsPerRead or > MaxItemsPerReadLimit)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:MaxItemsPerRead must be between {MinItemsPerRead} and {MaxItemsPerReadLimit}; got {options.MaxItemsPerRead}"));
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var key = $"{section}:Sources:{i}";
            if (source is null)
            {
                failures.Add($"{key} is empty; give it a Name and a Url");
                continue;
            }

            if (string.IsNullOrWhiteSpace(source.Name))
            {
                failures.Add($"{key}:Name must not be empty");
            }

            if (string.IsNullOrWhiteSpace(source.Url))
            {
                failures.Add($"{key}:Url must be an http(s) URL or a file path; it is empty");
            }
            else if (FeedLocation.Parse(source.Url, AppContext.BaseDirectory, out _) is null)
            {
                failures.Add($"{key}:Url must be an http(s) URL or a file path; got '{source.Url}'");
            }
            else if (!seen.TryAdd(source.Url.Trim(), i))
            {
                failures.Add($"{key}:Url repeats {section}:Sources:{seen[source.Url.Trim()]}:Url ('{source.Url}'); each feed may be listed once");
            }

            if (!string.IsNullOrWhiteSpace(source.FullText)
                && !string.Equals(source.FullText.Trim(), "auto", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(source.FullText.Trim(), "never", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{key}:FullText must be 'auto' or 'never'; got '{source.FullText}'");
            }

            for (var t = 0; t < source.Topics.Count; t++)
            {
                if (string.IsNullOrWhiteSpace(source.Topics[t]))
                {
                    failures.Add($"{key}:Topics:{t} must not be empty");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
