using System.Text.Json;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>
/// One run of a session, as stored: its input (as the model saw it, after the inline pre-hooks), its
/// output content, status, metrics, messages and tool calls. Immutable, so a store can hand it out as it is.
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

    /// <summary>The run's tool calls, in order (for a team, its leader's); empty when it made none.</summary>
    public IReadOnlyList<SessionToolCall> Tools { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The session's state as the run left it (a <see cref="JsonElement"/>: immutable).</summary>
    public JsonElement? SessionState { get; init; }
}
