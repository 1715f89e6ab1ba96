using System.Text.Json;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Wire;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>Maps stored sessions and runs to Agno's session shapes.</summary>
internal static class SessionWireFormat
{
    public static string TypeName(SessionType type) => type switch
    {
        SessionType.Team => "team",
        SessionType.Workflow => "workflow",
        _ => "agent",
    };

    public static SessionResponse Session(SessionRecord session)
    {
        var metrics = Metrics(session.Runs);
        return new SessionResponse
        {
            SessionId = session.SessionId,
            SessionName = session.SessionName,
            SessionState = session.SessionState,
            CreatedAt = Time(session.CreatedAt),
            UpdatedAt = Time(session.UpdatedAt),
            SessionType = TypeName(session.Owner.Type),
            UserId = session.UserId,
            AgentId = Id(session.Owner, SessionType.Agent),
            TeamId = Id(session.Owner, SessionType.Team),
            WorkflowId = Id(session.Owner, SessionType.Workflow),
            Metrics = metrics,
            TotalTokens = metrics.TotalTokens,
        };
    }

    public static SessionDetailResponse Detail(SessionRecord session, string? workflowName)
    {
        var metrics = Metrics(session.Runs);
        var type = session.Owner.Type;
        return new SessionDetailResponse
        {
            UserId = session.UserId,
            AgentSessionId = type == SessionType.Agent ? session.SessionId : null,
            SessionId = session.SessionId,
            SessionName = session.SessionName,
            SessionState = session.SessionState,
            AgentId = Id(session.Owner, SessionType.Agent),
            TeamId = Id(session.Owner, SessionType.Team),
            WorkflowId = Id(session.Owner, SessionType.Workflow),
            WorkflowName = type == SessionType.Workflow ? workflowName : null,
            TotalTokens = type == SessionType.Workflow ? null : metrics.TotalTokens,
            Metrics = type == SessionType.Workflow ? null : metrics,

            // As Agno's chat history: the messages of the runs that completed.
            ChatHistory = type == SessionType.Workflow
                ? null
                : session.Runs.Where(run => run.Status == RunStatus.Completed).SelectMany(run => run.Messages).Select(Message).ToList(),
            Runs = session.Runs.Select(Run).ToList(),
            CreatedAt = Time(session.CreatedAt),
            UpdatedAt = Time(session.UpdatedAt),
        };
    }

    public static SessionRunResponse Run(SessionRunRecord run) => new()
    {
        RunId = run.RunId,
        AgentId = Id(run.Owner, SessionType.Agent),
        TeamId = Id(run.Owner, SessionType.Team),
        WorkflowId = Id(run.Owner, SessionType.Workflow),
        UserId = run.UserId,
        Status = WireNames.RunStatus(run.Status),
        RunInput = run.Input,
        Content = run.Content,
        RunResponseFormat = run.Owner.Type == SessionType.Workflow ? null : "text",
        Metrics = Metrics(run.Metrics),
        Messages = run.Messages.Count == 0 ? null : run.Messages.Select(Message).ToList(),
        Tools = run.Tools.Count == 0 ? null : run.Tools.Select(Tool).ToList(),
        CreatedAt = Time(run.CreatedAt),
        SessionState = run.SessionState,
    };

    /// <summary>Agno's times: UTC, to the second (it stores epoch seconds).</summary>
    public static DateTime Time(DateTimeOffset time) => DateTime.SpecifyKind(new DateTime(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc);

    private static string? Id(SessionOwner owner, SessionType type) => owner.Type == type ? owner.Id : null;

    private static ToolExecutionResponse Tool(SessionToolCall tool) => AgnoWireFormat.Tool(
        tool.ToolCallId,
        tool.ToolName,
        tool.ToolArgs is { ValueKind: JsonValueKind.Object } args ? JsonObject.Create(args) : null,
        tool.Result,
        tool.ToolCallError,
        tool.CreatedAt,
        tool.StartedAt,
        tool.Duration);

    private static MessageResponse Message(SessionMessage message) => new() { Role = message.Role, Content = message.Content };

    private static MetricsResponse Metrics(SessionRunMetrics metrics) => new()
    {
        InputTokens = NullIfZero(metrics.InputTokens),
        OutputTokens = NullIfZero(metrics.OutputTokens),
        TotalTokens = NullIfZero(metrics.TotalTokens),
        TimeToFirstToken = metrics.TimeToFirstToken?.TotalSeconds,
        Duration = metrics.Duration.TotalSeconds,
    };

    /// <summary>A session's metrics: its runs' tokens and durations, added up.</summary>
    private static MetricsResponse Metrics(IReadOnlyList<SessionRunRecord> runs) => new()
    {
        InputTokens = NullIfZero(runs.Sum(run => run.Metrics.InputTokens)),
        OutputTokens = NullIfZero(runs.Sum(run => run.Metrics.OutputTokens)),
        TotalTokens = NullIfZero(runs.Sum(run => run.Metrics.TotalTokens)),
        Duration = runs.Sum(run => run.Metrics.Duration.TotalSeconds),
    };

    private static long? NullIfZero(long value) => value == 0 ? null : value;
}
