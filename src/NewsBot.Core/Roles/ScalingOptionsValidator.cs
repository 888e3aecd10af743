namespace NewsBot.Core.Roles;

/// <summary>Checks the Scaling section; each failure names the key to fix.</summary>
internal sealed class ScalingOptionsValidator : IValidateOptions<ScalingOptions>
{
    public const int MinLeaseSeconds = 2;
    public const int MaxLeaseSeconds = 600;

    public const int MinChangeRetentionHours = 1;
    public const int MaxChangeRetentionHours = 24 * 90;

    public ValidateOptionsResult Validate(string? name, ScalingOptions options) =>
        options.LeaseSeconds is < MinLeaseSeconds or > MaxLeaseSeconds
            ? ValidateOptionsResult.Fail($"Scaling:LeaseSeconds must be a whole number of seconds from {MinLeaseSeconds} to {MaxLeaseSeconds}; got {options.LeaseSeconds}.")
            : options.ChangeRetentionHours is < MinChangeRetentionHours or > MaxChangeRetentionHours
                ? ValidateOptionsResult.Fail($"Scaling:ChangeRetentionHours must be a whole number of hours from {MinChangeRetentionHours} to {MaxChangeRetentionHours}; got {options.ChangeRetentionHours}.")
                : ValidateOptionsResult.Success;
}
