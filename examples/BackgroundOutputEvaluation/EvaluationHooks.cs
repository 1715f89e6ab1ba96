using Agno.Hooks;

namespace BackgroundOutputEvaluation;

/// <summary>Agno's <c>background_output_evaluation.py</c>: two background post-hooks that judge an answer without delaying it.</summary>
public static partial class EvaluationHooks
{
    private static readonly string[] SensitiveWords = ["password", "credential", "secret", "api key", "token"];

    /// <summary>Asks the shared evaluator agent for a structured verdict, and logs it.</summary>
    [Hook(RunInBackground = true)]
    public static async Task EvaluateOutputQuality(RunOutput runOutput, Agent agent, OutputEvaluator evaluator, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(EvaluationHooks));
        logger.LogInformation("[EvaluateOutputQuality] start: run '{RunId}' of agent '{Agent}'", runOutput.RunId, agent.Id);
        var result = await evaluator.EvaluateAsync(runOutput.Input?.Content ?? string.Empty, runOutput.Content ?? string.Empty, cancellationToken);
        logger.LogInformation(
            "[EvaluateOutputQuality] end: quality {Score:0.00}, helpful {Helpful}, accurate {Accurate}, well structured {Structured}; strengths: {Strengths}; improvements: {Improvements}; {Summary}",
            result.QualityScore, result.IsHelpful, result.IsAccurate, result.IsWellStructured, string.Join(" | ", result.Strengths), string.Join(" | ", result.Improvements), result.Summary);
    }

    /// <summary>Waits a second (like a moderation call), then flags answers that mention sensitive words.</summary>
    [Hook(RunInBackground = true)]
    public static async Task CheckResponseSafety(RunOutput runOutput, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(EvaluationHooks));
        logger.LogInformation("[CheckResponseSafety] start: run '{RunId}'", runOutput.RunId);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var content = runOutput.Content ?? string.Empty;
        var flagged = SensitiveWords.Where(word => content.Contains(word, StringComparison.OrdinalIgnoreCase)).ToList();
        if (flagged.Count > 0)
        {
            logger.LogWarning("[CheckResponseSafety] flagged run '{RunId}': mentions {Words}", runOutput.RunId, string.Join(", ", flagged));
        }

        logger.LogInformation("[CheckResponseSafety] end: {Verdict}", flagged.Count > 0 ? "flagged for review" : "safe");
    }
}
