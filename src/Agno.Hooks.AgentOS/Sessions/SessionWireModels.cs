using System.Text.Json;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Wire;

namespace Agno.Hooks.AgentOS.Sessions;

// Agno's session shapes (agno/os/schema.py): snake_case keys, nulls left out, times as ISO UTC.

/// <summary><c>GET /sessions</c>: <c>{data, meta}</c>.</summary>
internal sealed class SessionListResponse
{
    public required IReadOnlyList<SessionResponse> Data { get; init; }
    public required PaginationInfo Meta { get; init; }
}

/// <summary>A session in a list (Agno's <c>SessionSchema</c>).</summary>
internal sealed class SessionResponse
{
    public required string SessionId { get; init; }
    public required string SessionName { get; init; }
    public JsonObject? SessionState { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string SessionType { get; init; }
    public string? UserId { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public string? WorkflowId { get; init; }
    public MetricsResponse? Metrics { get; init; }
    public long? TotalTokens { get; init; }
}

/// <summary>
/// One session (Agno's <c>AgentSessionDetailSchema</c>, <c>TeamSessionDetailSchema</c> or
/// <c>WorkflowSessionDetailSchema</c>: each kind has its keys), with its runs.
/// </summary>
internal sealed class SessionDetailResponse
{
    public string? UserId { get; init; }
    public string? AgentSessionId { get; init; }
    public required string SessionId { get; init; }
    public required string SessionName { get; init; }
    public JsonObject? SessionState { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public string? WorkflowId { get; init; }
    public string? WorkflowName { get; init; }
    public long? TotalTokens { get; init; }
    public MetricsResponse? Metrics { get; init; }
    public IReadOnlyList<MessageResponse>? ChatHistory { get; init; }
    public required IReadOnlyList<SessionRunResponse> Runs { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
}

/// <summary>A run of a session (Agno's <c>RunSchema</c>, <c>TeamRunSchema</c> or <c>WorkflowRunSchema</c>).</summary>
internal sealed class SessionRunResponse
{
    public required string RunId { get; init; }
    public string? AgentId { get; init; }
    public string? TeamId { get; init; }
    public string? WorkflowId { get; init; }
    public string? UserId { get; init; }
    public required string Status { get; init; }
    public required string RunInput { get; init; }
    public string? Content { get; init; }
    public string? RunResponseFormat { get; init; }
    public MetricsResponse? Metrics { get; init; }
    public IReadOnlyList<MessageResponse>? Messages { get; init; }

    /// <summary>The run's tool calls; absent when it made none, as in Agno.</summary>
    public IReadOnlyList<ToolExecutionResponse>? Tools { get; init; }
    public required DateTime CreatedAt { get; init; }
    public JsonElement? SessionState { get; init; }
}

/// <summary>The body <c>POST /sessions/{id}/rename</c> reads.</summary>
internal sealed class RenameSessionRequest
{
    public string? SessionName { get; init; }
}

/// <summary><c>{}</c>: what Agno answers to a cancel.</summary>
internal sealed class EmptyResponse
{
}

/// <summary>The <c>session</c> part of <c>GET /config</c>: the databases that hold sessions.</summary>
internal sealed class SessionConfigResponse
{
    public required IReadOnlyList<DatabaseConfigResponse> Dbs { get; init; }
}

internal sealed class DatabaseConfigResponse
{
    public required string DbId { get; init; }
    public required DomainConfigResponse DomainConfig { get; init; }
    public IReadOnlyList<string> Tables { get; init; } = [];
}

internal sealed class DomainConfigResponse
{
    public string? DisplayName { get; init; }
}
