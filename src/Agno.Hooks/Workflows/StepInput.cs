namespace Agno.Hooks;

/// <summary>What a function step gets.</summary>
public sealed class StepInput
{
    /// <summary>The workflow's input, after its pre-hooks.</summary>
    public required string Message { get; init; }

    /// <summary>The previous step's content; null for the first step.</summary>
    public string? PreviousContent { get; init; }

    /// <summary>Every earlier step's result, by step name (a parallel step's parts are under its result's <see cref="StepResult.Steps"/>).</summary>
    public required IReadOnlyDictionary<string, StepResult> PreviousResults { get; init; }

    public required RunContext Run { get; init; }

    /// <summary>What this step should work on: the previous step's content, or the workflow's input.</summary>
    public string Content => PreviousContent ?? Message;
}
