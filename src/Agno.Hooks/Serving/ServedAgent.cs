using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// An agent of another runtime (a Microsoft Agent Framework <c>AIAgent</c>, say) that AgentOS serves like an
/// <see cref="Agent"/>: listed at <c>/agents</c> and <c>/config</c>, run at <c>POST /agents/{id}/runs</c> in Agno's wire
/// format, its background hooks held until the response has been sent. AgentOS knows nothing of the runtime: an
/// adapter (<c>Agno.Hooks.AgentFramework</c>) implements this class, and AgentOS calls only these members.
/// </summary>
/// <remarks>
/// A run gets the request's <see cref="RunOptions"/>: its ids (<see cref="RunOptions.SessionId"/> is never empty under
/// AgentOS), metadata, session state and extra arguments, the request's services, and the
/// <see cref="RunOptions.BackgroundQueue"/> its background hooks must go to.
/// A check that rejects the run gives an output with status <see cref="RunStatus.Error"/> (streamed: a
/// <see cref="RunEventKind.RunError"/> last), as for an <see cref="Agent"/>; it is not thrown.
/// </remarks>
public abstract class ServedAgent
{
    /// <summary>Whose hooks run, and what events and outputs name: its <see cref="IHookOwner.Id"/> is the served id. Its kind must be <see cref="HookOwnerKind.Agent"/>.</summary>
    public abstract IHookOwner Owner { get; }

    /// <summary>The id AgentOS serves it under: <see cref="Owner"/>'s.</summary>
    public string Id => Owner.Id;

    public string? Name => Owner.Name;

    public virtual string? Description => null;

    /// <summary>The system prompt, for the <c>messages</c> of a run's answer; null when unknown.</summary>
    public virtual string? Instructions => null;

    /// <summary>The model's id and provider, for discovery and <c>RunStarted</c>; null when unknown.</summary>
    public virtual ChatClientMetadata? ModelMetadata => null;

    /// <summary>Runs it; the output of a rejected run has status <see cref="RunStatus.Error"/>.</summary>
    public abstract Task<RunOutput> RunAsync(string message, RunOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs it, streaming Agno's events in Agno's order: <see cref="RunEventKind.RunStarted"/>, the inline hooks' events,
    /// <see cref="RunEventKind.RunContent"/> as the answer arrives, <see cref="RunEventKind.RunContentCompleted"/>, then
    /// <see cref="RunEventKind.RunCompleted"/> or <see cref="RunEventKind.RunError"/>. Every event's
    /// <see cref="RunEvent.Owner"/> is <see cref="Owner"/>.
    /// </summary>
    public abstract IAsyncEnumerable<RunEvent> RunStreamingAsync(string message, RunOptions options, CancellationToken cancellationToken = default);
}
