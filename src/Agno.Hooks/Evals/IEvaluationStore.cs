namespace Agno.Hooks;

/// <summary>Where <see cref="AgentAsJudgeEval"/> keeps its results; <c>GET /eval-runs</c> reads them back.</summary>
public interface IEvaluationStore
{
    ValueTask AddAsync(EvaluationResult result, CancellationToken cancellationToken = default);

    /// <summary>The results that match <paramref name="query"/>, one page of them, and how many match in all.</summary>
    ValueTask<EvaluationPage> QueryAsync(EvaluationQuery query, CancellationToken cancellationToken = default);

    /// <summary>The result with this <see cref="EvaluationResult.Id"/>, or null.</summary>
    ValueTask<EvaluationResult?> FindAsync(string id, CancellationToken cancellationToken = default);
}

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

/// <summary>One page of results and the number of matching results in all pages.</summary>
public sealed record EvaluationPage(IReadOnlyList<EvaluationResult> Items, int TotalCount);
