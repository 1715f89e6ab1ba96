using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Sessions;
using Microsoft.AspNetCore.Http;

namespace Agno.Hooks.AgentOS.Cancellation;

/// <summary>
/// <c>POST /agents/{agent_id}/runs/{run_id}/cancel</c> (and <c>/teams/…</c>, <c>/workflows/…</c>): cancels the run
/// if it is running now. As in Agno, the answer is 200 <c>{}</c> whether or not it was (it may have just
/// finished); an unknown agent, team or workflow is 404. The run itself ends with status <c>CANCELLED</c>.
/// </summary>
internal sealed class CancelRunEndpoint(AgentOSCatalog catalog, RunningRuns running)
{
    public Task CancelAgentRunAsync(HttpContext context)
    {
        var id = RouteValue(context, "agent_id");
        return CancelAsync(context, (IHookOwner?)catalog.FindAgent(id) ?? catalog.FindServedAgent(id)?.Owner, "Agent not found");
    }

    public Task CancelTeamRunAsync(HttpContext context) =>
        CancelAsync(context, catalog.FindTeam(RouteValue(context, "team_id")), "Team not found");

    public Task CancelWorkflowRunAsync(HttpContext context) =>
        CancelAsync(context, catalog.FindWorkflow(RouteValue(context, "workflow_id")), "Workflow not found");

    private async Task CancelAsync(HttpContext context, IHookOwner? runnable, string notFound)
    {
        if (runnable is null)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, notFound).ConfigureAwait(false);
            return;
        }

        await running.CancelAsync(SessionRuns.OwnerOf(runnable), RouteValue(context, "run_id")).ConfigureAwait(false);
        await JsonResponses.WriteAsync(context, new EmptyResponse(), SessionJsonContext.Wire.EmptyResponse).ConfigureAwait(false);
    }

    private static string RouteValue(HttpContext context, string key) => context.Request.RouteValues[key] as string ?? string.Empty;
}
