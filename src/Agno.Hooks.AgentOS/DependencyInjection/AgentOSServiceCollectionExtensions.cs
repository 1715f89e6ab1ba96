using Agno.Hooks;
using Agno.Hooks.AgentOS;
using Agno.Hooks.AgentOS.Configuration;
using Agno.Hooks.AgentOS.Discovery;
using Agno.Hooks.AgentOS.Evals;
using Agno.Hooks.AgentOS.HookRuns;
using Agno.Hooks.AgentOS.Runs;
using Agno.Hooks.AgentOS.Security;
using Agno.Hooks.AgentOS.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AgentOS.</summary>
public static class AgentOSServiceCollectionExtensions
{
    /// <summary>
    /// Registers AgentOS and the hook runtime (<c>AddAgnoHooks</c>: the background executor, drained when the
    /// host stops). Settings come from the <c>AgentOS</c> configuration section and <c>OS_SECURITY_KEY</c>,
    /// then from <paramref name="configure"/>, which runs once, when the options are first needed. Security is ASP.NET Core
    /// authentication and authorization: the <see cref="AgentOSSecurity.SecurityKeyScheme"/> scheme and the
    /// <see cref="AgentOSSecurity.PolicyName"/> policy, which an application may replace (see <see cref="AgentOSSecurity"/>).
    /// Map the routes with <c>app.MapAgentOS()</c>.
    /// </summary>
    public static IServiceCollection AddAgentOS(this IServiceCollection services, Action<AgentOSOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAgnoHooks();
        // Bound by the configuration binding generator (no reflection); then Agno's OS_SECURITY_KEY, then code.
        var options = services.AddOptions<AgentOSOptions>()
            .Configure<IServiceProvider>(static (os, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    AgentOSConfiguration.Apply(configuration, os);
                }
            });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOSOptions>, AgentOSOptionsValidator>());

        // OS-wide hooks join the catalog, where background executions restored from data find them by name.
        services.AddSingleton(sp =>
        {
            var os = sp.GetRequiredService<IOptions<AgentOSOptions>>().Value;
            return new HookRegistration([.. os.PreHooks, .. os.PostHooks]);
        });
        services.TryAddSingleton<AgentOSCatalog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHookOwnerSource, AgentOSCatalog>(sp => sp.GetRequiredService<AgentOSCatalog>()));
        services.TryAddSingleton<RecentHookRuns>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackgroundHookObserver, RecentHookRuns>(sp => sp.GetRequiredService<RecentHookRuns>()));
        services.TryAddSingleton<RunEndpoint>();
        services.TryAddSingleton<DiscoveryEndpoints>();
        services.TryAddSingleton<HookRunsEndpoint>();
        services.AddEvaluationStore();
        services.TryAddSingleton<EvalRunsEndpoint>();
        services.AddAgentOSSessionsAndCors();
        services.AddAgentOSSecurity();
        return services;
    }
}
