namespace Agno.Hooks;

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
