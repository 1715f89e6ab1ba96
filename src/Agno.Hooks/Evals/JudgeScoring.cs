namespace Agno.Hooks;

/// <summary>How the judge scores an answer (Agno's <c>scoring_strategy</c>).</summary>
public enum JudgeScoring
{
    /// <summary>The judge says pass or fail: <c>{"passed": bool, "reason": string}</c>.</summary>
    Binary,

    /// <summary>The judge scores 1–10, <c>{"score": int, "reason": string}</c>; the answer passes at <see cref="AgentAsJudgeOptions.Threshold"/> or above.</summary>
    Numeric,
}
