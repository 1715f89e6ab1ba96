namespace Agno.Hooks;

/// <summary>One event of a streamed run, in Agno's order.</summary>
public sealed class RunEvent
{
    public required RunEventKind Kind { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required IHookOwner Owner { get; init; }

    public required string RunId { get; init; }

    public required string SessionId { get; init; }

    /// <summary>0 at top level; members of a team and steps of a workflow are nested deeper.</summary>
    public int NestedDepth { get; init; }

    /// <summary>
    /// A content delta for <see cref="RunEventKind.RunContent"/>, the whole content for
    /// <see cref="RunEventKind.RunCompleted"/>, the message for <see cref="RunEventKind.RunError"/>.
    /// </summary>
    public string? Content { get; init; }

    /// <summary>The hook's name, for hook events.</summary>
    public string? HookName { get; init; }

    /// <summary>The step's name, for workflow step events.</summary>
    public string? StepName { get; init; }

    /// <summary>The input after the hook ran, for pre-hook events.</summary>
    public RunInput? Input { get; init; }

    /// <summary>The run's output, for <see cref="RunEventKind.RunStarted"/>, completion and error events.</summary>
    public RunOutput? Output { get; init; }

    /// <summary>What the owner's runtime streamed for this event (a <c>ChatResponseUpdate</c>, say), for adapters that pass it on.</summary>
    public object? RawRepresentation { get; init; }
}
