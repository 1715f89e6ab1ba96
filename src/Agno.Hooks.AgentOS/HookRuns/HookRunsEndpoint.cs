using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;

namespace Agno.Hooks.AgentOS.HookRuns;

/// <summary><c>GET /hooks/runs</c>: the background queue's counts and the most recent background executions, newest first.</summary>
internal sealed class HookRunsEndpoint(RecentHookRuns recent, IBackgroundHookStatistics statistics)
{
    public Task ListAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, AgnoWireFormat.HookRuns(recent.Capacity, statistics.Statistics, recent.Snapshot()), AgentOSJsonContext.Wire.HookRunsResponse);
}
