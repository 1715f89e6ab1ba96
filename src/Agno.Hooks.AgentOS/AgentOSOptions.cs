using Agno.Hooks.AgentOS.Sessions;

namespace Agno.Hooks.AgentOS;

/// <summary>
/// What AgentOS serves and how. Set in code through <c>AddAgentOS(os => ...)</c>; the settings can also
/// come from the <c>AgentOS</c> configuration section (appsettings, <c>AgentOS__SecurityKey</c>, ...),
/// and the security key from <c>OS_SECURITY_KEY</c> as in Agno. Code wins over configuration.
/// Agno's <c>run_hooks_in_background</c> is the runtime's own setting, <see cref="AgnoHooksOptions.RunHooksInBackground"/>
/// (<c>services.AddAgnoHooks(o => o.RunHooksInBackground = true)</c>, or <c>AgnoHooks:RunHooksInBackground</c>).
/// </summary>
public sealed class AgentOSOptions
{
    public const string SectionName = "AgentOS";

    /// <summary>The environment variable (or configuration key) Agno reads the security key from.</summary>
    public const string SecurityKeyVariable = "OS_SECURITY_KEY";

    /// <summary>The agents to serve, in addition to any registered with <c>services.AddAgent(...)</c>.</summary>
    public IList<Agent> Agents { get; } = [];

    /// <summary>
    /// Agents of other runtimes to serve as agents, alongside <see cref="Agents"/> (ids are shared with them): a Microsoft
    /// Agent Framework <c>AIAgent</c> through <c>Agno.Hooks.AgentFramework</c> (<c>os.ServedAgents.Add(aiAgent)</c>).
    /// </summary>
    public IList<ServedAgent> ServedAgents { get; } = [];

    /// <summary>The teams to serve, in addition to any registered with <c>services.AddTeam(...)</c>.</summary>
    public IList<Team> Teams { get; } = [];

    /// <summary>The workflows to serve, in addition to any registered with <c>services.AddWorkflow(...)</c>.</summary>
    public IList<Workflow> Workflows { get; } = [];

    /// <summary>
    /// Pre-hooks for every agent, team and workflow served (Agno lacks these): they run before each owner's own
    /// pre-hooks, with the same rules (guardrails of both lists first; background as the hook or the global setting
    /// says). Members of a team and steps of a workflow don't run them again. They must not need a particular kind
    /// of owner, since every kind is served.
    /// </summary>
    public IList<HookDescriptor> PreHooks { get; } = [];

    /// <summary>Post-hooks for every agent, team and workflow served: they run after each owner's own post-hooks.</summary>
    public IList<HookDescriptor> PostHooks { get; } = [];

    /// <summary>The <c>os_id</c> reported by <c>GET /</c> and <c>GET /config</c>.</summary>
    public string Id { get; set; } = "agentos";

    public string Name { get; set; } = "AgentOS API";

    public string? Description { get; set; }

    /// <summary>
    /// When set, every route except <c>/</c>, <c>/health</c> and <c>/info</c> needs
    /// <c>Authorization: Bearer &lt;key&gt;</c>: the <see cref="AgentOSSecurity.SecurityKeyScheme"/> authentication scheme
    /// of AgentOS's default <see cref="AgentOSSecurity.PolicyName"/> policy. Unused when the application registers a
    /// policy of that name that doesn't name the scheme.
    /// </summary>
    public string? SecurityKey { get; set; }

    /// <summary>The largest request body a run accepts, in bytes; larger ones get 413.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>How many finished background hook executions <c>GET /hooks/runs</c> keeps.</summary>
    public int RecentHookRunsCapacity { get; set; } = 100;

    /// <summary>
    /// The origins a browser may call AgentOS from, as Agno's <c>cors_allowed_origins</c>: they replace Agno's
    /// defaults (<see cref="Cors.AgentOSCors.DefaultOrigins"/>), which null or empty keeps; <c>*</c> is dropped.
    /// </summary>
    public IList<string>? CorsAllowedOrigins { get; set; }

    /// <summary>Sessions: how much history an agent's run sees, and the in-memory store's bounds.</summary>
    public AgentOSSessionOptions Sessions { get; } = new();
}
