using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsBot.Core.Settings;

/// <summary>
/// The shapes an area's registration list takes: services that live as long as the host, one of
/// them also serving as an interface or as a hosted service. Order is kept: several handlers
/// and composers of one interface are used in the order they are registered.
/// </summary>
public static class SingletonRegistration
{
    /// <summary>Each type, once, as itself.</summary>
    public static IServiceCollection AddSingletons(this IServiceCollection services, params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            services.AddSingleton(type);
        }

        return services;
    }

    /// <summary>Each implementation, once, as one of the <typeparamref name="TService"/> the host hands out together.</summary>
    public static IServiceCollection AddSingletonsAs<TService>(this IServiceCollection services, params Type[] implementations)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(implementations);
        foreach (var implementation in implementations)
        {
            services.AddSingleton(typeof(TService), implementation);
        }

        return services;
    }

    /// <summary>
    /// <typeparamref name="TImplementation"/> once, reachable both by its own name and as a
    /// <typeparamref name="TService"/>: the same instance either way.
    /// </summary>
    public static IServiceCollection AddSingletonAs<TService, TImplementation>(this IServiceCollection services)
        where TService : class
        where TImplementation : class, TService
    {
        services.AddSingleton<TImplementation>();
        return services.AddSingleton<TService>(provider => provider.GetRequiredService<TImplementation>());
    }

    /// <summary><typeparamref name="TService"/> once, run by the host and reachable by its own name (to ask it what it is doing).</summary>
    public static IServiceCollection AddHostedSingleton<TService>(this IServiceCollection services)
        where TService : class, IHostedService
    {
        services.AddSingleton<TService>();
        return services.AddHostedService(provider => provider.GetRequiredService<TService>());
    }
}
