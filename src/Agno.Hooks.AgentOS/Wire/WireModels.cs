using System.Text.Json.Nodes;

namespace Agno.Hooks.AgentOS.Wire;

// The shapes of Agno's AgentOS JSON. Property names become snake_case and nulls are left out
// (see AgentOSJsonContext), so a null here is a key Agno would not send.

/// <summary>A run, as <c>stream=false</c> returns it: an agent's, a team's or a workflow's (each names its owner with its own keys).</summary>
internal sealed class RunOutputResponse
{
    public required string RunId { get; init; }
    public string? AgentId { get; init; }
    public string? AgentName { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? WorkflowId { get; init; }
    public string? WorkflowName { get; init; }
    public required string SessionId { get; init; }
    public string? UserId { get; init; }
    public string? Content { get; init; }
    public string? ContentType { get; init; }
    public string? Model { get; init; }
    public string? ModelProvider { get; init; }
    public long CreatedAt { get; init; }
    public required string Status { get; init; }
    public MetricsResponse? Metrics { get; init; }
    public JsonObject? Metadata { get; init; }
    public IReadOnlyList<MessageResponse>? Messages { get; init; }
    public InputResponse? Input { get; init; }

    /// <summary>The run's tool calls, in order; absent when it made none, as in Agno.</summary>
    public IReadOnlyList<ToolExecutionResponse>? Tools { get; init; }

    /// <summary>A team's members' runs; always present (maybe empty) for a team, absent otherwise.</summary>
    public IReadOnlyList<RunOutputResponse>? MemberResponses { get; init; }

    /// <summary>A workflow's step results, in order.</summary>
    public IReadOnlyList<StepResultResponse>? StepResults { get; init; }
}

/// <summary>One step's result in a workflow run.</summary>
internal sealed class StepResultResponse
{
    public required string StepName { get; init; }
    public string? Content { get; init; }
    public required bool Success { get; init; }
    public string? Error { get; init; }

    /// <summary>The parts of a parallel step.</summary>
    public IReadOnlyList<StepResultResponse>? Steps { get; init; }
}

/// <summary>One server-sent event of a run: the keys an event has are set, the others stay null.</summary>
internal sealed class RunEventResponse
{
    public long CreatedAt { get; init; }
    public required string Event { get; init; }
    public string? AgentId { get; init; }
    public string? AgentName { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? WorkflowId { get; init; }
    public string? WorkflowName { get; init; }
    public required string RunId { get; init; }
    public required string SessionId { get; init; }
    public int NestedDepth { get; init; }
    public string? StepName { get; init; }
    public string? Model { get; init; }
    public string? ModelProvider { get; init; }
    public string? PreHookName { get; init; }
    public string? PostHookName { get; init; }
    public InputResponse? RunInput { get; init; }
    public string? Content { get; init; }
    public string? ContentType { get; init; }
    public MetricsResponse? Metrics { get; init; }
    public JsonObject? Metadata { get; init; }

    /// <summary>The tool call of a <c>ToolCall…</c> event.</summary>
    public ToolExecutionResponse? Tool { get; init; }

    /// <summary>The run's tool calls, on <c>RunCompleted</c> when it made any.</summary>
    public IReadOnlyList<ToolExecutionResponse>? Tools { get; init; }

    /// <summary>
    /// A workflow's error message (<c>WorkflowError</c> carries <c>error</c> instead of <c>content</c>), or a
    /// failed tool call's (<c>ToolCallError</c>).
    /// </summary>
    public string? Error { get; init; }
    public string? ErrorType { get; init; }
    public string? ErrorId { get; init; }
    public JsonObject? AdditionalData { get; init; }

    /// <summary>Why a run was cancelled (<c>RunCancelled</c>).</summary>
    public string? Reason { get; init; }
}

/// <summary>Token counts and timings; integer zeros are left out, durations are in seconds.</summary>
internal sealed class MetricsResponse
{
    public long? InputTokens { get; init; }
    public long? OutputTokens { get; init; }
    public long? TotalTokens { get; init; }
    public double? TimeToFirstToken { get; init; }
    public double Duration { get; init; }
}

/// <summary>
/// A tool call, as Agno's <c>ToolExecution</c> writes it. <c>tool_call_error</c> and <c>result</c> are absent while the
/// call has not ended (<c>ToolCallStarted</c>); <c>metrics</c> once it ran.
/// </summary>
internal sealed class ToolExecutionResponse
{
    public required string ToolCallId { get; init; }
    public required string ToolName { get; init; }
    public JsonObject? ToolArgs { get; init; }
    public bool? ToolCallError { get; init; }
    public string? Result { get; init; }
    public ToolMetricsResponse? Metrics { get; init; }

    /// <summary>When the model asked for the call, in Unix seconds.</summary>
    public long CreatedAt { get; init; }
}

/// <summary>Agno's <c>ToolCallMetrics</c>: Unix times and the duration, in seconds.</summary>
internal sealed class ToolMetricsResponse
{
    public double StartTime { get; init; }
    public double EndTime { get; init; }
    public double Duration { get; init; }
}

internal sealed class InputResponse
{
    public required string InputContent { get; init; }
}

internal sealed class MessageResponse
{
    public required string Role { get; init; }
    public required string Content { get; init; }
}

internal sealed class ModelResponse
{
    public string? Id { get; init; }
    public string? Provider { get; init; }
}

/// <summary>An agent, as <c>GET /agents</c>, <c>GET /agents/{id}</c> and <c>GET /config</c> describe it.</summary>
internal sealed class AgentResponse
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>The database of its sessions: Agno's web UI lists sessions only when it is set.</summary>
    public string? DbId { get; init; }
    public ModelResponse? Model { get; init; }
}

/// <summary>
/// A team, as <c>GET /teams</c>, <c>GET /teams/{id}</c> and <c>GET /config</c> describe it; also a team's
/// member, where an agent has no <c>mode</c> and no <c>members</c>.
/// </summary>
internal sealed class TeamResponse
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? DbId { get; init; }
    public ModelResponse? Model { get; init; }
    public string? Mode { get; init; }
    public IReadOnlyList<TeamResponse>? Members { get; init; }
}

/// <summary>A workflow, as <c>GET /workflows</c>, <c>GET /workflows/{id}</c> and <c>GET /config</c> describe it.</summary>
internal sealed class WorkflowResponse
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? DbId { get; init; }
    public required IReadOnlyList<StepResponse> Steps { get; init; }
}

/// <summary>A workflow step: <c>step_type</c> is <c>agent</c>, <c>team</c>, <c>function</c> or <c>parallel</c>.</summary>
internal sealed class StepResponse
{
    public required string Name { get; init; }
    public required string StepType { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public IReadOnlyList<StepResponse>? Steps { get; init; }
}

internal sealed class ConfigResponse
{
    public required string OsId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? OsDatabase { get; init; }
    public IReadOnlyList<string>? Databases { get; init; }
    public Sessions.SessionConfigResponse? Session { get; init; }
    public required IReadOnlyList<AgentResponse> Agents { get; init; }
    public IReadOnlyList<TeamResponse> Teams { get; init; } = [];
    public IReadOnlyList<WorkflowResponse> Workflows { get; init; } = [];
    public IReadOnlyList<string> Interfaces { get; init; } = [];
}

internal sealed class RootResponse
{
    public required string Name { get; init; }
    public required string Id { get; init; }
    public required string Version { get; init; }
}

internal sealed class HealthResponse
{
    public required string Status { get; init; }
    public required DateTimeOffset InstantiatedAt { get; init; }
}

/// <summary>The body of every error: <c>{"detail": "..."}</c>, as FastAPI and so Agno write it.</summary>
internal sealed class ErrorResponse
{
    public required string Detail { get; init; }
}

/// <summary><c>GET /hooks/runs</c>: the executor's counts and its most recent executions, newest first.</summary>
internal sealed class HookRunsResponse
{
    public required int Capacity { get; init; }
    public required HookStatisticsResponse Statistics { get; init; }
    public required IReadOnlyList<HookRunResponse> Runs { get; init; }
}

internal sealed class HookStatisticsResponse
{
    public long Queued { get; init; }
    public long Running { get; init; }
    public long Completed { get; init; }
    public long Failed { get; init; }
    public long TimedOut { get; init; }
    public long Cancelled { get; init; }
    public long Refused { get; init; }
    public long Abandoned { get; init; }
}

internal sealed class HookRunResponse
{
    public required string HookName { get; init; }
    public required string RunId { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required double Duration { get; init; }
    public string? Error { get; init; }
}
