using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>What a session belongs to, as Agno's <c>session_type</c> names it.</summary>
public enum SessionType
{
    Agent,
    Team,
    Workflow,
}

/// <summary>The agent, team or workflow whose runs a session holds.</summary>
public readonly record struct SessionOwner(SessionType Type, string Id);

/// <summary>One message of a stored run: <c>user</c> or <c>assistant</c>.</summary>
public sealed record SessionMessage(string Role, string Content);

/// <summary>A stored run's token counts and timings.</summary>
public sealed record SessionRunMetrics(long InputTokens, long OutputTokens, long TotalTokens, TimeSpan? TimeToFirstToken, TimeSpan Duration)
{
    public static SessionRunMetrics Empty { get; } = new(0, 0, 0, null, TimeSpan.Zero);
}

/// <summary>
/// One run of a session, as stored: its input (as the model saw it, after the inline pre-hooks), its
/// output content, status, metrics and messages. Immutable, so a store can hand it out as it is.
/// </summary>
public sealed record SessionRunRecord
{
    public required string RunId { get; init; }

    /// <summary>The agent, team or workflow that ran; the session's owner.</summary>
    public required SessionOwner Owner { get; init; }

    public string? UserId { get; init; }

    /// <summary>The user's message, after the inline pre-hooks (what the model saw, masked if a guardrail masked it).</summary>
    public required string Input { get; init; }

    /// <summary>The answer; for a rejected run, the rejection's message; for a cancelled one, what had arrived, or the reason.</summary>
    public string? Content { get; init; }

    public required RunStatus Status { get; init; }

    public SessionRunMetrics Metrics { get; init; } = SessionRunMetrics.Empty;

    /// <summary>The run's own turn: the user's message and, when there is one, the answer (no instructions, no history).</summary>
    public IReadOnlyList<SessionMessage> Messages { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The session's state as the run left it (a <see cref="JsonElement"/>: immutable).</summary>
    public JsonElement? SessionState { get; init; }
}

/// <summary>
/// A session: the conversation of one <c>session_id</c> with one agent, team or workflow. A store returns
/// its own copy: changing <see cref="SessionState"/> changes nothing stored.
/// </summary>
public sealed record SessionRecord
{
    public required string SessionId { get; init; }

    public required SessionOwner Owner { get; init; }

    /// <summary>The user of every run in it; null when its runs name none.</summary>
    public string? UserId { get; init; }

    /// <summary>The first run's message, unless the session was renamed.</summary>
    public required string SessionName { get; init; }

    /// <summary>The state as the latest run left it.</summary>
    public JsonObject SessionState { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The runs, oldest first.</summary>
    public IReadOnlyList<SessionRunRecord> Runs { get; init; } = [];
}
