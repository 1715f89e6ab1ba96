using Microsoft.Extensions.AI;

namespace Agno.Hooks.Conformance;

/// <summary>How one kind of owner is run by the conformance suite, and how its caller sees the outcome.</summary>
public abstract class OwnerUnderTest
{
    /// <summary>Whose hook lists the tests fill.</summary>
    public abstract IHookOwner Owner { get; }

    /// <summary>Whether the owner streams content of its own (a workflow's content is its steps').</summary>
    public virtual bool StreamsOwnContent => true;

    /// <summary>Every text a streaming caller received, in order (content deltas, steps', members', the completion), the rejection's message aside.</summary>
    public List<string> Received { get; } = [];

    /// <summary>The pieces of the answer a streaming caller received, in order: the owner's own content deltas.</summary>
    public List<string> Deltas { get; } = [];

    /// <summary>
    /// Offers the owner's model a tool, the way the owner takes tools: its own list (Agent, Team's leader), or each
    /// request's options (the chat client, the Agent Framework agent). Only for owners whose model calls tools
    /// (<see cref="ToolStageConformanceTests"/>): the others have none of their own.
    /// </summary>
    public virtual void AddTool(AITool tool) => throw new NotSupportedException($"'{Owner.Id}' has no tools of its own.");

    /// <summary>Runs it once; the outcome as its caller sees it. A cancellation is thrown, as the owner throws it.</summary>
    public abstract Task<RunResult> RunAsync(string message, bool streamed, CancellationToken cancellationToken = default);
}

/// <summary>What the caller of a run saw.</summary>
/// <param name="Kind">Completed, rejected by a check, or failed.</param>
/// <param name="Content">The answer, the rejection's message, or null for a failure thrown to the caller.</param>
public sealed record RunResult(RunResultKind Kind, string? Content);

public enum RunResultKind
{
    Completed,
    Rejected,
    Failed,
}
