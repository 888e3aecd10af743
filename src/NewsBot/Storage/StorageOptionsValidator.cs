using NewsBot.Storage.Postgres;

namespace NewsBot.Storage;

/// <summary>Checks the provider keys of the Storage section; each failure names the key and never repeats the connection string.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!StorageProviders.IsKnown(options.Provider))
        {
            return ValidateOptionsResult.Fail(
                $"{StorageProviders.SettingKey} must be {StorageProviders.LiteDb} (one file, the default) or {StorageProviders.Postgres}; got \"{options.Provider}\".");
        }

        if (!string.Equals(options.Provider?.Trim(), StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        return PostgresConnectionString.Check(options.Postgres.ConnectionString) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
