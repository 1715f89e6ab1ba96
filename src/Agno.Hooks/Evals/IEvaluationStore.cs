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
