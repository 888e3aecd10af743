using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsBot.Platforms;

/// <summary>How each chat platform starts its <c>AddXxx</c>: the same section rules for all of them.</summary>
internal static class PlatformRegistration
{
    /// <summary>Whether the platform's section has a token, which is what turns the platform on.</summary>
    public static bool HasToken(IConfiguration configuration, string sectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{sectionName}:Token"]);
    }

    /// <summary>
    /// Binds the platform's section whether or not it is on (its announcement channels are read
    /// from it); when it has a token, checks the section at start and adds the system clock
    /// unless a <see cref="TimeProvider"/> is already registered. Returns whether the platform is on.
    /// </summary>
    public static bool AddPlatformSection<TOptions, TValidator>(this IHostApplicationBuilder builder, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<TOptions>().BindConfiguration(sectionName);
        if (!HasToken(builder.Configuration, sectionName))
        {
            return false;
        }

        services.CheckAtStart<TOptions, TValidator>(options);
        services.TryAddSingleton(TimeProvider.System);
        return true;
    }
}
