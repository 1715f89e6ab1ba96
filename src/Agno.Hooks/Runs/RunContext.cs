using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>Who and what a run is about: its ids, metadata and session state.</summary>
public sealed class RunContext
{
    public RunContext(string runId, string sessionId, string? userId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        RunId = runId;
        SessionId = sessionId;
        UserId = userId;
    }

    public string RunId { get; }

    public string SessionId { get; }

    public string? UserId { get; }

    /// <summary>Metadata given with the run; the same object as <see cref="RunInput.Metadata"/>.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>The session's state; the same object as <see cref="RunInput.SessionState"/>.</summary>
    public JsonObject SessionState { get; init; } = [];

    /// <summary>Any other arguments given with the run (under AgentOS: the request's extra form fields).</summary>
    public JsonObject Arguments { get; init; } = [];

    /// <summary>A deep copy: nothing a holder of the copy changes reaches this instance.</summary>
    public RunContext Clone() => new(RunId, SessionId, UserId)
    {
        Metadata = Metadata.DeepClone().AsObject(),
        SessionState = SessionState.DeepClone().AsObject(),
        Arguments = Arguments.DeepClone().AsObject(),
    };
}
