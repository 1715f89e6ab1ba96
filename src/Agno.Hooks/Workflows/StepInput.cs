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

/// <summary>What a function step returns.</summary>
public sealed record StepOutput(string? Content);

/// <summary>The result of one step.</summary>
public sealed class StepResult
{
    public required string StepName { get; init; }

    public string? Content { get; init; }

    public RunStatus Status { get; init; }

    /// <summary>Why the step failed, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>The agent's or team's output, for those steps.</summary>
    public RunOutput? Output { get; init; }

    /// <summary>The parts of a parallel step, in declaration order.</summary>
    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    internal StepResult Clone(RunContext context) => new()
    {
        StepName = StepName,
        Content = Content,
        Status = Status,
        Error = Error,
        Output = Output?.Clone(context),
        Steps = [.. Steps.Select(step => step.Clone(context))],
    };
}
