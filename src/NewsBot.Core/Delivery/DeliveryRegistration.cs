using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsBot.Core.Delivery;

public static class DeliveryRegistration
{
    /// <summary>
    /// The <c>Delivery</c> section (bound and checked at start), the planner that turns new
    /// articles into outbox entries and the dispatcher that sends them at the platforms' pace.
    /// </summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        var services = builder.AddArea<DeliveryOptions, DeliveryOptionsValidator>(DeliveryOptions.SectionName);
        services.AddSingletonAs<INewArticlesObserver, DeliveryPlanner>();
        services.AddSingleton<DeliveryDispatcher>();
        return builder;
    }
}
