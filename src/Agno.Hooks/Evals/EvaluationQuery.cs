namespace Agno.Hooks;

/// <summary>Which results to list: filters (null: any), then a page of them by creation time.</summary>
public sealed record EvaluationQuery
{
    public string? OwnerId { get; init; }

    public HookOwnerKind? OwnerKind { get; init; }

    public string? RunId { get; init; }

    public string? JudgeModelId { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int Limit { get; init; } = 20;

    public bool NewestFirst { get; init; } = true;
}
