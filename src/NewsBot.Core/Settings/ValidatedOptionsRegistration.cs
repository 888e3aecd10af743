using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace NewsBot.Core.Settings;

public static class ValidatedOptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to the configuration section
    /// <paramref name="sectionName"/> and has <typeparamref name="TValidator"/> check it at start.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(
        this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TOptions>().BindConfiguration(sectionName);
        services.CheckAtStart<TOptions, TValidator>(options);
        return options;
    }

    /// <summary>
    /// The start of every area's <c>AddXxx</c>: its section bound and checked at start, and the
    /// system clock unless a <see cref="TimeProvider"/> is already registered. Returns the
    /// services to add the area's own to.
    /// </summary>
    public static IServiceCollection AddArea<TOptions, TValidator>(this IHostApplicationBuilder builder, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<TOptions, TValidator>(sectionName);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Has <typeparamref name="TValidator"/> check the bound <paramref name="options"/> at start.</summary>
    public static void CheckAtStart<TOptions, TValidator>(this IServiceCollection services, OptionsBuilder<TOptions> options)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
