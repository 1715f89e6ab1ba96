using Agno.Hooks;
using Agno.Hooks.AgentFramework;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Agents.AI;

/// <summary>Serves Agent Framework agents with AgentOS (<c>Agno.Hooks.AgentOS</c>), which knows nothing of the Agent Framework: it serves <see cref="ServedAgent"/>s.</summary>
public static class AgentFrameworkServingExtensions
{
    /// <summary>The agent, as AgentOS serves it (<see cref="AgentFrameworkServedAgent"/>).</summary>
    public static AgentFrameworkServedAgent AsServedAgent(this AIAgent agent) => new(agent);

    /// <summary>
    /// Adds <paramref name="agent"/> to AgentOS's served agents: <c>AddAgentOS(os => os.ServedAgents.Add(agent))</c>.
    /// </summary>
    public static void Add(this ICollection<ServedAgent> agents, AIAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agents);
        agents.Add(agent.AsServedAgent());
    }

    /// <summary>
    /// Registers the agent <paramref name="create"/> builds from the container, for AgentOS to serve (it lists every
    /// registered <see cref="ServedAgent"/>) and for the start-up check of its hooks' services. Build it there with the
    /// container: <c>services.AddAgentFrameworkAgent(sp => agent.AsBuilder().UseAgnoHooks(...).Build(sp))</c>.
    /// </summary>
    public static IServiceCollection AddAgentFrameworkAgent(this IServiceCollection services, Func<IServiceProvider, AIAgent> create)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        services.AddSingleton<ServedAgent>(sp => create(sp).AsServedAgent());
        return services;
    }
}
