using Agno.Hooks;

namespace BackgroundOutputEvaluation;

/// <summary>
/// Agno's <c>background_output_evaluation.py</c>: a safety check in the background, next to the built-in judge
/// (<see cref="AgentAsJudgeEval"/>), so neither delays the answer.
/// </summary>
public static partial class EvaluationHooks
{
    private static readonly string[] SensitiveWords = ["password", "credential", "secret", "api key", "token"];

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
