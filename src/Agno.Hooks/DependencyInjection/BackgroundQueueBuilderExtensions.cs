using Agno.Hooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the queue background hooks go to: the in-memory executor (the default) or another.</summary>
public static class BackgroundQueueBuilderExtensions
{
    /// <summary>
    /// Makes <typeparamref name="TQueue"/> the background queue (<see cref="IBackgroundHookQueue"/>) and the source of
    /// its counts (<see cref="IBackgroundHookStatistics"/>), <em>instead of</em> the in-memory executor: the executor's
    /// registrations are taken out, so no in-memory worker is hosted. The queue hands each execution, wherever it
    /// runs, to <see cref="BackgroundHookInvoker"/> (which tells <see cref="IBackgroundHookObserver"/>s); a queue that
    /// runs work in this process registers its own hosted service. Called again, the last queue wins.
    /// </summary>
    /// <param name="builder">The builder of <c>AddAgnoHooks()</c>.</param>
    /// <param name="create">Creates the queue, once.</param>
    public static IAgnoHooksBuilder UseBackgroundQueue<TQueue>(this IAgnoHooksBuilder builder, Func<IServiceProvider, TQueue> create)
        where TQueue : class, IBackgroundHookQueue, IBackgroundHookStatistics
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        var services = builder.Services;
        if (services.FirstOrDefault(d => d.ServiceType == typeof(InMemoryBackgroundQueue) && !d.IsKeyedService) is { ImplementationInstance: InMemoryBackgroundQueue inMemory } marker)
        {
            foreach (var descriptor in inMemory.Descriptors)
            {
                services.Remove(descriptor);
            }

            services.Remove(marker);
        }

        services.RemoveAll<IBackgroundHookQueue>();
        services.RemoveAll<IBackgroundHookStatistics>();
        services.AddSingleton(create);
        services.AddSingleton<IBackgroundHookQueue>(sp => sp.GetRequiredService<TQueue>());
        services.AddSingleton<IBackgroundHookStatistics>(sp => sp.GetRequiredService<TQueue>());
        return builder;
    }

    /// <summary>The default queue: <see cref="BackgroundHookExecutor"/>, also hosted, so the host starts it and drains it on stop.</summary>
    internal static void AddInMemoryBackgroundQueue(this IAgnoHooksBuilder builder)
    {
        ServiceDescriptor[] descriptors =
        [
            ServiceDescriptor.Singleton(static sp => new BackgroundHookExecutor(
                sp.GetRequiredService<BackgroundHookInvoker>(),
                sp.GetRequiredService<IOptions<AgnoHooksOptions>>(),
                sp.GetService<ILogger<BackgroundHookExecutor>>(),
                sp.GetService<TimeProvider>(),
                sp.GetService<System.Diagnostics.Metrics.IMeterFactory>())),
            ServiceDescriptor.Singleton<IBackgroundHookQueue>(static sp => sp.GetRequiredService<BackgroundHookExecutor>()),
            ServiceDescriptor.Singleton<IBackgroundHookStatistics>(static sp => sp.GetRequiredService<BackgroundHookExecutor>()),
            ServiceDescriptor.Singleton<IHostedService>(static sp => sp.GetRequiredService<BackgroundHookExecutor>()),
        ];
        foreach (var descriptor in descriptors)
        {
            builder.Services.Add(descriptor);
        }

        builder.Services.AddSingleton(new InMemoryBackgroundQueue(descriptors));
    }

    /// <summary>The in-memory executor's registrations, kept so that choosing another queue can take exactly them out.</summary>
    private sealed class InMemoryBackgroundQueue(ServiceDescriptor[] descriptors)
    {
        public ServiceDescriptor[] Descriptors { get; } = descriptors;
    }
}
