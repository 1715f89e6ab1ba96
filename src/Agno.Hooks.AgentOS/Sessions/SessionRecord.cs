using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agno.Hooks.AgentOS.Sessions;

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
