using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;

namespace Agno.Hooks.AgentOS.HookRuns;

/// <summary>
/// <c>GET /hooks/runs</c>: the background queue's counts (the in-memory executor's, or a durable queue's in this
/// process) and the most recent background executions, newest first.
/// </summary>
internal sealed class HookRunsEndpoint(RecentHookRuns recent, BackgroundHookExecutor executor, IBackgroundHookQueue queue)
{
    private readonly IBackgroundHookStatisticsProvider _counts = queue as IBackgroundHookStatisticsProvider ?? executor;

    public Task ListAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, AgnoWireFormat.HookRuns(recent.Capacity, _counts.Statistics, recent.Snapshot()), AgentOSJsonContext.Wire.HookRunsResponse);
}
