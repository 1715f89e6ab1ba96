using Agno.Hooks.AgentOS;
using Agno.Hooks.AgentOS.Cancellation;
using Agno.Hooks.AgentOS.Discovery;
using Agno.Hooks.AgentOS.Evals;
using Agno.Hooks.AgentOS.HookRuns;
using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Runs;
using Agno.Hooks.AgentOS.Security;
using Agno.Hooks.AgentOS.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps AgentOS's routes.</summary>
public static class AgentOSEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps Agno's AgentOS API: <c>GET /</c>, <c>/health</c>, <c>/config</c>; <c>GET /agents</c>, <c>/agents/{agent_id}</c>
    /// and <c>POST /agents/{agent_id}/runs</c> and <c>.../runs/{run_id}/cancel</c>, the same for <c>/teams</c> and <c>/workflows</c>;
    /// the <c>/sessions</c> routes; <c>GET /eval-runs</c> (the judge's results); and <c>GET /hooks/runs</c>; then the routes of every
    /// registered <see cref="IAgentOSRoutes"/>. The group requires the <see cref="AgentOSSecurity.PolicyName"/> authorization policy
    /// (with a security key set, the bearer key), all but <c>/</c> and <c>/health</c>, which stay open; so does anything mapped on
    /// the group returned, such as the durable hooks' dashboard (<c>app.MapAgentOS().MapAgnoHooksDashboard()</c>). CORS is applied
    /// by <c>AddAgentOS</c>. Returns the group, for more routes and conventions such as rate limits.
    /// </summary>
    public static RouteGroupBuilder MapAgentOS(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<AgentOSCatalog>() is null)
        {
            throw new InvalidOperationException("AgentOS is not registered: call builder.Services.AddAgentOS(...) before MapAgentOS().");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Agno.Hooks.AgentOS");
        var discovery = services.GetRequiredService<DiscoveryEndpoints>();
        var runs = services.GetRequiredService<RunEndpoint>();
        var hookRuns = services.GetRequiredService<HookRunsEndpoint>();
        var sessions = services.GetRequiredService<SessionEndpoints>();
        var cancel = services.GetRequiredService<CancelRunEndpoint>();
        var evalRuns = services.GetRequiredService<EvalRunsEndpoint>();

        RequestDelegate Guarded(RequestDelegate handler) => context => RequestGuard.InvokeAsync(context, handler, logger);

        var group = endpoints.MapGroup(string.Empty);
        group.RequireAuthorization(AgentOSSecurity.PolicyName).WithMetadata(AgentOSRouteMetadata.Instance);
        group.MapGet("/", Guarded(discovery.RootAsync)).AllowAnonymous();
        group.MapGet("/health", Guarded(discovery.HealthAsync)).AllowAnonymous();
        group.MapGet("/config", Guarded(discovery.ConfigAsync));
        group.MapGet("/agents", Guarded(discovery.AgentsAsync));
        group.MapGet("/agents/{agent_id}", Guarded(discovery.AgentAsync));
        group.MapPost("/agents/{agent_id}/runs", Guarded(runs.HandleAgentRunAsync));
        group.MapGet("/teams", Guarded(discovery.TeamsAsync));
        group.MapGet("/teams/{team_id}", Guarded(discovery.TeamAsync));
        group.MapPost("/teams/{team_id}/runs", Guarded(runs.HandleTeamRunAsync));
        group.MapGet("/workflows", Guarded(discovery.WorkflowsAsync));
        group.MapGet("/workflows/{workflow_id}", Guarded(discovery.WorkflowAsync));
        group.MapPost("/workflows/{workflow_id}/runs", Guarded(runs.HandleWorkflowRunAsync));
        group.MapGet("/hooks/runs", Guarded(hookRuns.ListAsync));
        group.MapPost("/agents/{agent_id}/runs/{run_id}/cancel", Guarded(cancel.CancelAgentRunAsync));
        group.MapPost("/teams/{team_id}/runs/{run_id}/cancel", Guarded(cancel.CancelTeamRunAsync));
        group.MapPost("/workflows/{workflow_id}/runs/{run_id}/cancel", Guarded(cancel.CancelWorkflowRunAsync));
        group.MapGet("/sessions", Guarded(sessions.ListAsync));
        group.MapGet("/sessions/{session_id}", Guarded(sessions.GetAsync));
        group.MapGet("/sessions/{session_id}/runs", Guarded(sessions.RunsAsync));
        group.MapGet("/sessions/{session_id}/runs/{run_id}", Guarded(sessions.RunAsync));
        group.MapDelete("/sessions/{session_id}", Guarded(sessions.DeleteAsync));
        group.MapPost("/sessions/{session_id}/rename", Guarded(sessions.RenameAsync));
        group.MapGet("/eval-runs", Guarded(evalRuns.ListAsync));
        group.MapGet("/eval-runs/{eval_run_id}", Guarded(evalRuns.GetAsync));
        foreach (var routes in services.GetServices<IAgentOSRoutes>())
        {
            routes.Map(group);
        }

        return group;
    }
}
