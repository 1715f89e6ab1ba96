using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>Registers the hook runtime.</summary>
public static class AgnoHooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the background executor (also as a hosted service, so the host drains it on stop), its
    /// options (bound from the <c>AgnoHooks</c> configuration section, then <paramref name="configure"/>),
    /// the clock, and the start-up check of every registered agent's hooks.
    /// </summary>
    public static IServiceCollection AddAgnoHooks(this IServiceCollection services, Action<AgnoHooksOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Bound from configuration when there is one: the runtime also works in a bare ServiceCollection.
        var options = services.AddOptions<AgnoHooksOptions>()
            .Configure<IServiceProvider>(static (o, sp) => sp.GetService<IConfiguration>()?.GetSection(AgnoHooksOptions.SectionName).Bind(o));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgnoHooksOptions>, AgnoHooksOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (services.Any(d => d.ServiceType == typeof(BackgroundHookExecutor)))
        {
            return services;
        }

        // The check runs before the executor starts, so a missing service stops the host first.
        services.AddHostedService<HookOwnerValidator>();
        services.AddSingleton<BackgroundHookExecutor>();
        services.AddSingleton<IBackgroundHookQueue>(sp => sp.GetRequiredService<BackgroundHookExecutor>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundHookExecutor>());
        return services;
    }

    /// <summary>Registers <paramref name="agent"/>, gives it the container's services, and checks its hooks when the host starts.</summary>
    public static IServiceCollection AddAgent(this IServiceCollection services, Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return services.AddAgent(_ => agent);
    }

    /// <summary>Registers the agent <paramref name="create"/> builds, gives it the container's services, and checks its hooks when the host starts.</summary>
    public static IServiceCollection AddAgent(this IServiceCollection services, Func<IServiceProvider, Agent> create)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        services.AddSingleton(sp =>
        {
            var agent = create(sp);
            agent.Services ??= sp;
            return agent;
        });
        services.AddSingleton<IHookOwner>(sp => sp.GetRequiredService<Agent>());
        return services;
    }
}
