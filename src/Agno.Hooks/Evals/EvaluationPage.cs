namespace Agno.Hooks;

/// <summary>One page of results and the number of matching results in all pages.</summary>
public sealed record EvaluationPage(IReadOnlyList<EvaluationResult> Items, int TotalCount);
