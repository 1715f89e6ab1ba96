using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>Options of <see cref="AgentAsJudgeEval"/>, after Agno's <c>AgentAsJudgeEval</c>.</summary>
public sealed class AgentAsJudgeOptions
{
    /// <summary>The evaluation's name, as <c>GET /eval-runs</c> shows it (Agno's <c>name</c>). Optional.</summary>
    public string? Name { get; set; }

    /// <summary>What a good answer is (Agno's <c>criteria</c>). Required.</summary>
    public string Criteria { get; set; } = string.Empty;

    /// <summary>Binary (the default, as Agno) or numeric 1–10.</summary>
    public JudgeScoring Scoring { get; set; } = JudgeScoring.Binary;

    /// <summary>With numeric scoring, the lowest passing score, 1–10. Default 7, as Agno.</summary>
    public int Threshold { get; set; } = 7;

    /// <summary>More instructions for the judge, one bullet each (Agno's <c>additional_guidelines</c>).</summary>
    public IList<string> AdditionalGuidelines { get; set; } = [];

    /// <summary>
    /// The judge: any <see cref="IChatClient"/> that can answer with JSON for a schema. Null: the <see cref="IChatClient"/>
    /// registered in the container.
    /// </summary>
    public IChatClient? Model { get; set; }

    /// <summary>
    /// Called with each failed evaluation (Agno's <c>on_fail</c>), after it was stored. An exception it throws is
    /// logged and goes no further.
    /// </summary>
    public Func<EvaluationResult, CancellationToken, ValueTask>? OnFail { get; set; }

    internal string? Validate() =>
        string.IsNullOrWhiteSpace(Criteria) ? "AgentAsJudgeOptions.Criteria is required."
        : Scoring == JudgeScoring.Numeric && Threshold is < 1 or > 10 ? $"AgentAsJudgeOptions.Threshold must be between 1 and 10, got {Threshold}."
        : AdditionalGuidelines.Any(string.IsNullOrWhiteSpace) ? "AgentAsJudgeOptions.AdditionalGuidelines can't hold an empty guideline."
        : null;
}
