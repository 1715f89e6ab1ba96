using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS;

/// <summary>
/// What AgentOS serves, by kind and id: the agents, teams and workflows of <see cref="AgentOSOptions"/> and
/// those registered with <c>services.AddAgent/AddTeam/AddWorkflow(...)</c>. Gives each the container's
/// services, and lists them for the start-up hook check (which also walks team members and workflow steps).
/// </summary>
public sealed class AgentOSCatalog : IHookOwnerSource
{
    private readonly Dictionary<string, Agent> _agentsById;
    private readonly Dictionary<string, ServedAgent> _servedById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Team> _teamsById;
    private readonly Dictionary<string, Workflow> _workflowsById;

    public AgentOSCatalog(
        IOptions<AgentOSOptions> options,
        IEnumerable<Agent> registeredAgents,
        IEnumerable<Team> registeredTeams,
        IEnumerable<Workflow> registeredWorkflows,
        IServiceProvider services,
        IEnumerable<ServedAgent>? registeredServedAgents = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var os = options.Value;
        (Agents, _agentsById) = Index(os.Agents.Concat(registeredAgents), "agents", services);
        (Teams, _teamsById) = Index(os.Teams.Concat(registeredTeams), "teams", services);
        (Workflows, _workflowsById) = Index(os.Workflows.Concat(registeredWorkflows), "workflows", services);
        ServedAgents = IndexServed(os.ServedAgents.Concat(registeredServedAgents ?? []));
    }

    /// <summary>The agents, in the order they were added.</summary>
    public IReadOnlyList<Agent> Agents { get; }

    /// <summary>The agents of other runtimes, in the order they were added; listed after <see cref="Agents"/>.</summary>
    public IReadOnlyList<ServedAgent> ServedAgents { get; }

    /// <summary>The teams, in the order they were added.</summary>
    public IReadOnlyList<Team> Teams { get; }

    /// <summary>The workflows, in the order they were added.</summary>
    public IReadOnlyList<Workflow> Workflows { get; }

    IEnumerable<IHookOwner> IHookOwnerSource.Owners => Agents.Cast<IHookOwner>().Concat(ServedAgents.Select(served => served.Owner)).Concat(Teams).Concat(Workflows);

    public Agent? FindAgent(string id) => _agentsById.GetValueOrDefault(id);

    /// <summary>The agent of another runtime served under <paramref name="id"/>, or null.</summary>
    public ServedAgent? FindServedAgent(string id) => _servedById.GetValueOrDefault(id);

    public Team? FindTeam(string id) => _teamsById.GetValueOrDefault(id);

    public Workflow? FindWorkflow(string id) => _workflowsById.GetValueOrDefault(id);

    // They share the agents' route, so their ids are unique among the agents' too.
    private List<ServedAgent> IndexServed(IEnumerable<ServedAgent> served)
    {
        var list = new List<ServedAgent>();
        foreach (var agent in served)
        {
            if (agent.Owner.Kind != HookOwnerKind.Agent)
            {
                throw new InvalidOperationException($"Served agent '{agent.Id}' has an owner of kind {agent.Owner.Kind}; AgentOS serves these as agents, so its owner's kind must be Agent.");
            }

            if (_servedById.TryGetValue(agent.Id, out var existing))
            {
                if (!ReferenceEquals(existing, agent))
                {
                    throw new InvalidOperationException($"Two different served agents have the id '{agent.Id}'; AgentOS serves agents by id, so ids must be unique.");
                }

                continue;
            }

            if (_agentsById.ContainsKey(agent.Id))
            {
                throw new InvalidOperationException($"An agent and a served agent both have the id '{agent.Id}'; they share the /agents routes, so ids must be unique.");
            }

            _servedById.Add(agent.Id, agent);
            list.Add(agent);
        }

        return list;
    }

    // Ids are unique per kind, as in Agno: an agent and a team may share one, their routes differ.
    private static (IReadOnlyList<T> List, Dictionary<string, T> ById) Index<T>(IEnumerable<T> runnables, string kind, IServiceProvider services)
        where T : Runnable
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        var list = new List<T>();
        foreach (var runnable in runnables)
        {
            if (byId.TryGetValue(runnable.Id, out var existing))
            {
                if (!ReferenceEquals(existing, runnable))
                {
                    throw new InvalidOperationException($"Two different {kind} have the id '{runnable.Id}'; AgentOS serves {kind} by id, so ids must be unique.");
                }

                continue;
            }

            runnable.Services ??= services;
            byId.Add(runnable.Id, runnable);
            list.Add(runnable);
        }

        return (list, byId);
    }
}
