using Agno.Hooks;

namespace Agno.Hooks.Examples.ToolHooks;

/// <summary>An audit log of every tool call, written after the response, on a copy of the call's record.</summary>
public sealed partial class ToolAudit(ILogger<ToolAudit> logger)
{
    /// <summary>
    /// After each tool call, in the background: the call's record as it ended (the guardrails' masks included), and the
    /// execution's stable id, which a durable queue keeps across retries (an audit store would deduplicate on it).
    /// </summary>
    [Hook(RunInBackground = true)]
    public Task RecordAsync(ToolExecution tool, RunContext run, BackgroundExecutionInfo execution)
    {
        LogCall(logger, tool.ToolName, tool.ToolArgs?.ToJsonString() ?? "{}", tool.ToolCallError ? "refused or failed" : "ok", tool.Result ?? string.Empty, run.RunId, execution.Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "[ToolAudit] {Tool}({Arguments}) {Outcome}: {Result} (run {RunId}, execution {ExecutionId})")]
    private static partial void LogCall(ILogger logger, string tool, string arguments, string outcome, string result, string runId, string executionId);
}
