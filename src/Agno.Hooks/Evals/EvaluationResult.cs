namespace Agno.Hooks;

/// <summary>One evaluation of one run's answer by <see cref="AgentAsJudgeEval"/>, as the <see cref="IEvaluationStore"/> keeps it.</summary>
public sealed class EvaluationResult
{
    /// <summary>The evaluation's own id (a UUID); <c>GET /eval-runs</c> lists it as <c>id</c>.</summary>
    public required string Id { get; init; }

    /// <summary><see cref="AgentAsJudgeOptions.Name"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The evaluated run.</summary>
    public required string RunId { get; init; }

    public string? SessionId { get; init; }

    /// <summary>The agent (or team, or workflow) that answered.</summary>
    public required string OwnerId { get; init; }

    public HookOwnerKind OwnerKind { get; init; }

    public string? OwnerName { get; init; }

    public required string Criteria { get; init; }

    public JudgeScoring Scoring { get; init; }

    /// <summary>The judge's score, 1–10, with numeric scoring; null with binary scoring.</summary>
    public int? Score { get; init; }

    /// <summary>The passing score, with numeric scoring; null with binary scoring.</summary>
    public int? Threshold { get; init; }

    public IReadOnlyList<string> AdditionalGuidelines { get; init; } = [];

    public required bool Passed { get; init; }

    /// <summary>The judge's reasoning.</summary>
    public required string Reason { get; init; }

    /// <summary>The run's message, as the model saw it.</summary>
    public required string Input { get; init; }

    /// <summary>The judged answer.</summary>
    public required string Output { get; init; }

    /// <summary>How long the judge took.</summary>
    public TimeSpan Duration { get; init; }

    public EvaluationUsage Usage { get; init; }

    public string? JudgeModelId { get; init; }

    public string? JudgeModelProvider { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
