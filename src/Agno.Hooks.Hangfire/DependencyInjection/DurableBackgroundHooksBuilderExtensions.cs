using Agno.Hooks;
using Agno.Hooks.Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses durable background hooks as the hook runtime's background queue.</summary>
public static class DurableBackgroundHooksBuilderExtensions
{
    /// <summary>
    /// Keeps background hooks in PostgreSQL through Hangfire instead of process memory: a queued or running hook
    /// survives a crash (it runs again, at least once), failures are retried, and every instance on the same
    /// database shares the work. The durable queue <em>replaces</em> the in-memory executor behind
    /// <see cref="IBackgroundHookQueue"/> and <see cref="IBackgroundHookStatistics"/>
    /// (<see cref="BackgroundQueueBuilderExtensions.UseBackgroundQueue"/>): no in-memory worker is hosted. Hooks,
    /// AgentOS and the after-response timing stay as they are. Settings: the <c>AgnoHooks:Durable</c> section and
    /// <c>ConnectionStrings:AgnoHooks</c>, then <paramref name="configure"/>. PostgreSQL is reached, and its schema
    /// prepared, when the host starts; a missing or unreachable database fails the start.
    /// </summary>
    /// <example><code>
    /// builder.Services.AddAgnoHooks(o => o.RunHooksInBackground = true)
    ///     .AddDurableBackgroundHooks(d => d.UsePostgreSql(builder.Configuration.GetConnectionString("AgnoHooks")));
    /// </code></example>
    public static IAgnoHooksBuilder AddDurableBackgroundHooks(this IAgnoHooksBuilder builder, Action<DurableBackgroundHooksOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var first = !services.Any(d => d.ServiceType == typeof(DurableHookStorage));
        var options = services.AddOptions<DurableBackgroundHooksOptions>();
        if (first)
        {
            // Configuration first, once: code from any call wins over it.
            options.Configure<IServiceProvider>(static (o, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    configuration.GetSection(DurableBackgroundHooksOptions.SectionName).Bind(o);
                    o.ConnectionString ??= configuration.GetConnectionString(DurableBackgroundHooksOptions.ConnectionStringName);
                }
            });
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableBackgroundHooksOptions>, DurableBackgroundHooksOptionsValidator>());
        if (!first)
        {
            return builder;
        }

        services.AddSingleton<DurableHookStorage>();
        services.AddSingleton<BackgroundHookCounters>();
        builder.UseBackgroundQueue(static sp => new DurableBackgroundHookQueue(
            sp.GetRequiredService<DurableHookStorage>(),
            sp.GetRequiredService<BackgroundHookCounters>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DurableBackgroundHookQueue>>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetService<TimeProvider>()));
        services.AddHostedService<DurableHookServer>();
        return builder;
    }
}
