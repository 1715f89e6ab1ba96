using System.Globalization;
using Agno.Hooks;
using Agno.Hooks.AgentOS;
using Agno.Hooks.AgentOS.Discovery;
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
    /// then from <paramref name="configure"/>, which runs once, when the options are first needed.
    /// Map the routes with <c>app.MapAgentOS()</c>.
    /// </summary>
    public static IServiceCollection AddAgentOS(this IServiceCollection services, Action<AgentOSOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAgnoHooks();
        var options = services.AddOptions<AgentOSOptions>()
            .Configure<IServiceProvider>((os, provider) => ApplyConfiguration(os, provider.GetService<IConfiguration>()))
            .Configure<IServiceProvider>((os, provider) => AgentOSSessionServices.ApplyConfiguration(os, provider.GetService<IConfiguration>()));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOSOptions>, AgentOSOptionsValidator>());

        // AgentOS's switch is the runtime's global one, as in Agno: it reaches team members and workflow
        // steps, and the start-up check warns of hooks whose writes it discards.
        services.AddOptions<AgnoHooksOptions>().Configure<IOptions<AgentOSOptions>>((hooks, os) =>
        {
            if (os.Value.RunHooksInBackground is { } background)
            {
                hooks.RunHooksInBackground = background;
            }
        });

        services.TryAddSingleton<AgentOSCatalog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHookOwnerSource, AgentOSCatalog>(sp => sp.GetRequiredService<AgentOSCatalog>()));
        services.TryAddSingleton<RecentHookRuns>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackgroundHookObserver, RecentHookRuns>(sp => sp.GetRequiredService<RecentHookRuns>()));
        services.TryAddSingleton<SecurityKeyCheck>();
        services.TryAddSingleton<RunEndpoint>();
        services.TryAddSingleton<DiscoveryEndpoints>();
        services.TryAddSingleton<HookRunsEndpoint>();
        services.AddAgentOSSessionsAndCors();
        return services;
    }

    /// <summary>Reads the settings by key (no reflection-based binding, so it stays trimming and AOT safe).</summary>
    private static void ApplyConfiguration(AgentOSOptions os, IConfiguration? configuration)
    {
        if (configuration is null)
        {
            return;
        }

        var section = configuration.GetSection(AgentOSOptions.SectionName);
        os.Id = section[nameof(AgentOSOptions.Id)] ?? os.Id;
        os.Name = section[nameof(AgentOSOptions.Name)] ?? os.Name;
        os.Description = section[nameof(AgentOSOptions.Description)] ?? os.Description;
        os.SecurityKey = NonEmpty(section[nameof(AgentOSOptions.SecurityKey)])
            ?? NonEmpty(configuration[AgentOSOptions.SecurityKeyVariable])
            ?? os.SecurityKey;
        if (section[nameof(AgentOSOptions.RunHooksInBackground)] is { } background)
        {
            os.RunHooksInBackground = bool.TryParse(background, out var value)
                ? value
                : throw Invalid(nameof(AgentOSOptions.RunHooksInBackground), background, "true or false");
        }

        if (section[nameof(AgentOSOptions.MaxRequestBodySize)] is { } bodySize)
        {
            os.MaxRequestBodySize = long.TryParse(bodySize, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw Invalid(nameof(AgentOSOptions.MaxRequestBodySize), bodySize, "a positive number of bytes");
        }

        if (section[nameof(AgentOSOptions.RecentHookRunsCapacity)] is { } capacity)
        {
            os.RecentHookRunsCapacity = int.TryParse(capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw Invalid(nameof(AgentOSOptions.RecentHookRunsCapacity), capacity, "a positive number");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static InvalidOperationException Invalid(string key, string value, string expected) =>
        new($"Configuration '{AgentOSOptions.SectionName}:{key}' is '{value}'; expected {expected}.");
}
