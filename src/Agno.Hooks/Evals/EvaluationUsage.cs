namespace Agno.Hooks;

/// <summary>Tokens the judge used for one evaluation.</summary>
public readonly record struct EvaluationUsage(long InputTokens, long OutputTokens, long TotalTokens);
