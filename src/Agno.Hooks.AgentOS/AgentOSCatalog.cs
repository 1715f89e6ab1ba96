using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS;

/// <summary>
/// The agents AgentOS serves, by id: those of <see cref="AgentOSOptions.Agents"/> and those registered with
/// <c>services.AddAgent(...)</c>. Gives each the container's services, and lists them for the start-up hook check.
/// </summary>
public sealed class AgentOSCatalog : IHookOwnerSource
{
    private readonly Dictionary<string, Agent> _agentsById = new(StringComparer.Ordinal);

    public AgentOSCatalog(IOptions<AgentOSOptions> options, IEnumerable<Agent> registeredAgents, IServiceProvider services)
    {
        var agents = new List<Agent>();
        foreach (var agent in options.Value.Agents.Concat(registeredAgents))
        {
            if (_agentsById.TryGetValue(agent.Id, out var existing))
            {
                if (!ReferenceEquals(existing, agent))
                {
                    throw new InvalidOperationException($"Two different agents have the id '{agent.Id}'; AgentOS serves agents by id, so ids must be unique.");
                }

                continue;
            }

            agent.Services ??= services;
            _agentsById.Add(agent.Id, agent);
            agents.Add(agent);
        }

        Agents = agents;
    }

    /// <summary>The agents, in the order they were added.</summary>
    public IReadOnlyList<Agent> Agents { get; }

    IEnumerable<IHookOwner> IHookOwnerSource.Owners => Agents;

    public Agent? FindAgent(string id) => _agentsById.GetValueOrDefault(id);
}
