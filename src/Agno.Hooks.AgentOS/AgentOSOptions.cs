using Agno.Hooks.AgentOS.Sessions;

namespace Agno.Hooks.AgentOS;

/// <summary>
/// What AgentOS serves and how. Set in code through <c>AddAgentOS(os => ...)</c>; the settings can also
/// come from the <c>AgentOS</c> configuration section (appsettings, <c>AgentOS__SecurityKey</c>, ...),
/// and the security key from <c>OS_SECURITY_KEY</c> as in Agno. Code wins over configuration.
/// </summary>
public sealed class AgentOSOptions
{
    public const string SectionName = "AgentOS";

    /// <summary>The environment variable (or configuration key) Agno reads the security key from.</summary>
    public const string SecurityKeyVariable = "OS_SECURITY_KEY";

    /// <summary>The agents to serve, in addition to any registered with <c>services.AddAgent(...)</c>.</summary>
    public IList<Agent> Agents { get; } = [];

    /// <summary>The teams to serve, in addition to any registered with <c>services.AddTeam(...)</c>.</summary>
    public IList<Team> Teams { get; } = [];

    /// <summary>The workflows to serve, in addition to any registered with <c>services.AddWorkflow(...)</c>.</summary>
    public IList<Workflow> Workflows { get; } = [];

    /// <summary>The <c>os_id</c> reported by <c>GET /</c> and <c>GET /config</c>.</summary>
    public string Id { get; set; } = "agentos";

    public string Name { get; set; } = "AgentOS API";

    public string? Description { get; set; }

    /// <summary>
    /// Like Agno's <c>AgentOS(run_hooks_in_background=True)</c>: every hook that is not a guardrail runs after
    /// the response. When set, it sets the runtime's global <see cref="AgnoHooksOptions.RunHooksInBackground"/>
    /// (so it reaches team members and workflow steps too); null leaves that as configured.
    /// </summary>
    public bool? RunHooksInBackground { get; set; }

    /// <summary>
    /// When set, every route except <c>/</c>, <c>/health</c> and <c>/info</c> needs
    /// <c>Authorization: Bearer &lt;key&gt;</c>.
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
