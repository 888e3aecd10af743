namespace NewsBot.Monitoring;

/// <summary>
/// Adds the Monitoring section and, when <c>Monitoring:ListenUrl</c> is set, the listener with its
/// checks. Call it after the platforms, so their checks join in.
/// </summary>
internal static class MonitoringRegistration
{
    public static IHostApplicationBuilder AddMonitoring(this IHostApplicationBuilder builder)
    {
        var services = builder.AddArea<MonitoringOptions, MonitoringOptionsValidator>(MonitoringOptions.SectionName);

        var settings = builder.Configuration.GetSection(MonitoringOptions.SectionName);
        if (string.IsNullOrWhiteSpace(settings[nameof(MonitoringOptions.ListenUrl)]))
        {
            return builder;
        }

        services.AddSingleton<OperationalGauges>();
        services.AddSingleton<INewArticlesObserver, IngestCounter>();
        services.AddSingleton<DeliveryHistory>();
        services.AddSingleton<ReadinessReport>();
        services.AddSingleton<IReadinessCheck, StartedCheck>();
        services.AddSingleton<IReadinessCheck, DatabaseCheck>();
        if (services.Any(d => d.ServiceType == typeof(TelegramBotService)))
        {
            services.AddSingleton<IReadinessCheck, TelegramCheck>();
        }

        if (services.Any(d => d.ServiceType == typeof(DiscordBotService)))
        {
            services.AddSingleton<IReadinessCheck, DiscordCheck>();
        }

        services.AddSingleton<IReadinessCheck, FeedsCheck>();
        services.AddSingleton<IReadinessCheck, OutboxCheck>();
        services.AddSingletons(typeof(AccessGate), typeof(StatusCollector), typeof(MonitoringServer));

        // First in, last out: probes are answered while the rest starts and until it has stopped.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<MonitoringServer>()));
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryHistory>());
        return builder;
    }
}
