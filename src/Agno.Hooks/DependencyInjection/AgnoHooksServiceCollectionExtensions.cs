using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using Agno.Hooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the hook runtime.</summary>
public static class AgnoHooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the hook runtime: its options (bound from the <c>AgnoHooks</c> configuration section, then
    /// <paramref name="configure"/>), the clock, the start-up check of every registered owner's hooks, and the
    /// in-memory background queue (<see cref="BackgroundHookExecutor"/>, hosted so the host drains it on stop) until
    /// the returned builder chooses another (<see cref="BackgroundQueueBuilderExtensions.UseBackgroundQueue"/>).
    /// </summary>
    /// <returns>The builder that adds guardrails and chooses the background queue.</returns>
    /// <remarks>
    /// Calling it again (AddAgentOS does) registers nothing twice: it adds <paramref name="configure"/> to the same
    /// options and returns a builder of the same services.
    /// </remarks>
    public static IAgnoHooksBuilder AddAgnoHooks(this IServiceCollection services, Action<AgnoHooksOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new AgnoHooksBuilder(services);
        var first = !services.Any(d => d.ServiceType == typeof(HookPipeline));
        var options = services.AddOptions<AgnoHooksOptions>();
        if (first)
        {
            // Bound from configuration when there is one (the runtime also works in a bare ServiceCollection); only
            // on the first call, so that code from any call (AddAgentOS calls this again) wins over configuration.
            options.Configure<IServiceProvider>(static (o, sp) => sp.GetService<IConfiguration>()?.GetSection(AgnoHooksOptions.SectionName).Bind(o));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgnoHooksOptions>, AgnoHooksOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (!first)
        {
            return builder;
        }

        // The check runs before the executor starts, so a missing service stops the host first.
        services.AddHostedService<HookOwnerValidator>();
        services.AddSingleton(sp => new HookPipeline(sp));
        services.AddSingleton(sp => new HookOwnerDirectory(AllOwners(sp.GetServices<IHookOwner>().ToArray(), sp.GetServices<IHookOwnerSource>().ToArray())));
        services.AddSingleton(sp => new HookCatalog(AllHooks(
            sp.GetServices<HookRegistration>().ToArray(),
            AllOwners(sp.GetServices<IHookOwner>().ToArray(), sp.GetServices<IHookOwnerSource>().ToArray()))));
        services.AddSingleton<BackgroundHookInvoker>();
        builder.AddInMemoryBackgroundQueue();
        return builder;
    }

    /// <summary>Registers <paramref name="agent"/>, gives it the container's services, and checks its hooks when the host starts.</summary>
    /// <exception cref="InvalidOperationException">The agent has no model.</exception>
    public static IServiceCollection AddAgent(this IServiceCollection services, Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        agent.EnsureConfigured();
        return services.AddRunnable(_ => agent);
    }

    /// <summary>Registers the agent <paramref name="create"/> builds, gives it the container's services, and checks its hooks when the host starts.</summary>
    public static IServiceCollection AddAgent(this IServiceCollection services, Func<IServiceProvider, Agent> create) =>
        services.AddRunnable(create);

    /// <summary>Registers <paramref name="team"/> (its members run with its services), and checks its and its members' hooks when the host starts.</summary>
    public static IServiceCollection AddTeam(this IServiceCollection services, Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        team.EnsureConfigured();
        return services.AddRunnable(_ => team);
    }

    /// <summary>Registers <paramref name="workflow"/> (its steps run with its services), and checks its and its steps' hooks when the host starts.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services, Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        workflow.EnsureConfigured();
        return services.AddRunnable(_ => workflow);
    }

    private static IServiceCollection AddRunnable<T>(this IServiceCollection services, Func<IServiceProvider, T> create)
        where T : Runnable
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        // One instance per registration, even with several agents of one type: keyed by the registration.
        var key = new object();
        services.AddKeyedSingleton<T>(key, (sp, _) =>
        {
            var runnable = create(sp);
            runnable.EnsureConfigured();
            runnable.Services ??= sp;
            return runnable;
        });
        services.AddSingleton(sp => sp.GetRequiredKeyedService<T>(key));
        services.AddSingleton<IHookOwner>(sp => sp.GetRequiredKeyedService<T>(key));
        return services;
    }

    /// <summary>
    /// The owners registered one by one, then those their sources list (AgentOS's catalog), asked again each time
    /// the result is enumerated: the directory and the catalog re-read it on a miss, and find owners listed late.
    /// </summary>
    private static IEnumerable<IHookOwner> AllOwners(IHookOwner[] registered, IHookOwnerSource[] sources)
    {
        foreach (var owner in registered)
        {
            yield return owner;
        }

        foreach (var source in sources)
        {
            foreach (var owner in source.Owners)
            {
                yield return owner;
            }
        }
    }

    /// <summary>The generated registries' hooks, then those the owners served run (tool and model hooks, their tools' own), members and steps included.</summary>
    private static IEnumerable<HookDescriptor> AllHooks(HookRegistration[] registrations, IEnumerable<IHookOwner> owners)
    {
        foreach (var registration in registrations)
        {
            foreach (var hook in registration.Hooks)
            {
                yield return hook;
            }
        }

        // Every list: a background hook after a tool call is found by name too, when its execution is restored.
        foreach (var owner in HookOwnerDirectory.Walk(owners))
        {
            foreach (var hook in OwnerHooks.All(owner))
            {
                yield return hook;
            }
        }
    }
}
