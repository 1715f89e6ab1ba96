using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;

namespace Agno.Hooks.AgentOS.HookRuns;

/// <summary><c>GET /hooks/runs</c>: the executor's counts and the most recent background executions, newest first.</summary>
internal sealed class HookRunsEndpoint(RecentHookRuns recent, BackgroundHookExecutor executor)
{
    public Task ListAsync(HttpContext context)
    {
        var statistics = executor.Statistics;
        var runs = recent.Snapshot().Select(execution => new HookRunResponse
        {
            HookName = execution.HookName,
            RunId = execution.RunId,
            Status = StatusName(execution.Status),
            StartedAt = execution.StartedAt,
            Duration = execution.Duration.TotalSeconds,
            Error = execution.Error,
        }).ToList();

        return JsonResponses.WriteAsync(context, new HookRunsResponse
        {
            Capacity = recent.Capacity,
            Statistics = new HookStatisticsResponse
            {
                Queued = statistics.Queued,
                Running = statistics.Running,
                Completed = statistics.Completed,
                Failed = statistics.Failed,
                TimedOut = statistics.TimedOut,
                Cancelled = statistics.Cancelled,
                Rejected = statistics.Rejected,
                Abandoned = statistics.Abandoned,
            },
            Runs = runs,
        }, AgentOSJsonContext.Wire.HookRunsResponse);
    }

    private static string StatusName(BackgroundHookStatus status) => status switch
    {
        BackgroundHookStatus.Completed => "completed",
        BackgroundHookStatus.Failed => "failed",
        BackgroundHookStatus.TimedOut => "timed_out",
        _ => "cancelled",
    };
}
