using Agno.Hooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the hook classes of an assembly, from its generated registry.</summary>
public static class HookRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the classes of <typeparamref name="TRegistry"/>'s assembly that have instance hooks, so an
    /// expensive hook object (an evaluator agent, say) is built once and reused. Pass the generated
    /// <c>AgnoHooks</c> class: <c>services.AddAgnoHooksFrom&lt;AgnoHooks&gt;()</c>. Its hooks also join the
    /// <see cref="HookCatalog"/>, where background executions restored from data find them by name.
    /// </summary>
    public static IServiceCollection AddAgnoHooksFrom<TRegistry>(this IServiceCollection services)
        where TRegistry : IHookRegistry
    {
        ArgumentNullException.ThrowIfNull(services);
        TRegistry.AddHookServices(services);
        services.AddSingleton(new HookRegistration(TRegistry.All));
        return services;
    }
}
