using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>Who and what a run is about: its ids, metadata and session state.</summary>
public sealed class RunContext
{
    // Made on first read (most runs are given none and no hook reads them); once made, each stays the same object, also
    // when two threads read it first at once.
    private JsonObject? _metadata;
    private JsonObject? _sessionState;
    private JsonObject? _arguments;

    public RunContext(string runId, string sessionId, string? userId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        RunId = runId;
        SessionId = sessionId;
        UserId = userId;
    }

    /// <summary>A run's context with the objects it was given, if any; those it was not are made when first read.</summary>
    internal RunContext(string runId, string sessionId, string? userId, JsonObject? metadata, JsonObject? sessionState, JsonObject? arguments)
        : this(runId, sessionId, userId)
    {
        _metadata = metadata;
        _sessionState = sessionState;
        _arguments = arguments;
    }

    public string RunId { get; }

    public string SessionId { get; }

    public string? UserId { get; }

    /// <summary>Metadata given with the run; the same object as <see cref="RunInput.Metadata"/>.</summary>
    public JsonObject Metadata { get => _metadata ?? LazyInitializer.EnsureInitialized(ref _metadata, static () => []); init => _metadata = value; }

    /// <summary>The session's state; the same object as <see cref="RunInput.SessionState"/>.</summary>
    public JsonObject SessionState { get => _sessionState ?? LazyInitializer.EnsureInitialized(ref _sessionState, static () => []); init => _sessionState = value; }

    /// <summary>Any other arguments given with the run (under AgentOS: the request's extra form fields).</summary>
    public JsonObject Arguments { get => _arguments ?? LazyInitializer.EnsureInitialized(ref _arguments, static () => []); init => _arguments = value; }

    /// <summary>The metadata if it was ever given or read; null otherwise (it is then empty).</summary>
    internal JsonObject? MetadataIfMade => _metadata;

    /// <summary>The session state if it was ever given or read; null otherwise (it is then empty).</summary>
    internal JsonObject? SessionStateIfMade => _sessionState;

    /// <summary>The arguments if they were ever given or read; null otherwise (they are then empty).</summary>
    internal JsonObject? ArgumentsIfMade => _arguments;

    /// <summary>A deep copy: nothing a holder of the copy changes reaches this instance.</summary>
    public RunContext Clone() => new(RunId, SessionId, UserId, Copy(_metadata), Copy(_sessionState), Copy(_arguments));

    // What was never made is empty, and stays to be made on the copy's first read.
    private static JsonObject? Copy(JsonObject? json) => json?.DeepClone().AsObject();
}
