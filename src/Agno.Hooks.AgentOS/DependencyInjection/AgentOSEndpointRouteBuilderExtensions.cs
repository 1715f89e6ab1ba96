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
    /// the <c>/sessions</c> routes; <c>GET /eval-runs</c> (the judge's results); and <c>GET /hooks/runs</c>; then the routes of every registered <see cref="IAgentOSRoutes"/> (the durable hooks' dashboard). With a security key set, all but <c>/</c> and <c>/health</c>
    /// need the bearer key. CORS is applied by <c>AddAgentOS</c>. Returns the group, for conventions such as rate limits.
    /// </summary>
    public static RouteGroupBuilder MapAgentOS(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<AgentOSCatalog>() is null)
        {
            throw new InvalidOperationException("AgentOS is not registered: call builder.Services.AddAgentOS(...) before MapAgentOS().");
        }

        var security = services.GetRequiredService<SecurityKeyCheck>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Agno.Hooks.AgentOS");
        var discovery = services.GetRequiredService<DiscoveryEndpoints>();
        var runs = services.GetRequiredService<RunEndpoint>();
        var hookRuns = services.GetRequiredService<HookRunsEndpoint>();
        var sessions = services.GetRequiredService<SessionEndpoints>();
        var cancel = services.GetRequiredService<CancelRunEndpoint>();
        var evalRuns = services.GetRequiredService<EvalRunsEndpoint>();

        RequestDelegate Open(RequestDelegate handler) => context => RequestGuard.InvokeAsync(context, handler, logger);
        RequestDelegate Protected(RequestDelegate handler) => context => RequestGuard.InvokeAsync(context, async c =>
        {
            if (await security.AuthorizeAsync(c).ConfigureAwait(false))
            {
                await handler(c).ConfigureAwait(false);
            }
        }, logger);

        var group = endpoints.MapGroup(string.Empty);
        group.MapGet("/", Open(discovery.RootAsync));
        group.MapGet("/health", Open(discovery.HealthAsync));
        group.MapGet("/config", Protected(discovery.ConfigAsync));
        group.MapGet("/agents", Protected(discovery.AgentsAsync));
        group.MapGet("/agents/{agent_id}", Protected(discovery.AgentAsync));
        group.MapPost("/agents/{agent_id}/runs", Protected(runs.HandleAgentRunAsync));
        group.MapGet("/teams", Protected(discovery.TeamsAsync));
        group.MapGet("/teams/{team_id}", Protected(discovery.TeamAsync));
        group.MapPost("/teams/{team_id}/runs", Protected(runs.HandleTeamRunAsync));
        group.MapGet("/workflows", Protected(discovery.WorkflowsAsync));
        group.MapGet("/workflows/{workflow_id}", Protected(discovery.WorkflowAsync));
        group.MapPost("/workflows/{workflow_id}/runs", Protected(runs.HandleWorkflowRunAsync));
        group.MapGet("/hooks/runs", Protected(hookRuns.ListAsync));
        group.MapPost("/agents/{agent_id}/runs/{run_id}/cancel", Protected(cancel.CancelAgentRunAsync));
        group.MapPost("/teams/{team_id}/runs/{run_id}/cancel", Protected(cancel.CancelTeamRunAsync));
        group.MapPost("/workflows/{workflow_id}/runs/{run_id}/cancel", Protected(cancel.CancelWorkflowRunAsync));
        group.MapGet("/sessions", Protected(sessions.ListAsync));
        group.MapGet("/sessions/{session_id}", Protected(sessions.GetAsync));
        group.MapGet("/sessions/{session_id}/runs", Protected(sessions.RunsAsync));
        group.MapGet("/sessions/{session_id}/runs/{run_id}", Protected(sessions.RunAsync));
        group.MapDelete("/sessions/{session_id}", Protected(sessions.DeleteAsync));
        group.MapPost("/sessions/{session_id}/rename", Protected(sessions.RenameAsync));
        group.MapGet("/eval-runs", Protected(evalRuns.ListAsync));
        group.MapGet("/eval-runs/{eval_run_id}", Protected(evalRuns.GetAsync));
        foreach (var routes in services.GetServices<IAgentOSRoutes>())
        {
            routes.Map(group);
        }

        return group;
    }
}
