using System.Text.Json;
using Agno.Hooks;
using Microsoft.Extensions.AI;

namespace BackgroundOutputEvaluation;

/// <summary>
/// The agent-as-judge: an <see cref="Agent"/> whose answer must be an <see cref="EvaluationResult"/> (a JSON schema
/// sent as the response format). Created once and shared, as Agno's README advises.
/// </summary>
public sealed class OutputEvaluator(IChatClient model)
{
    private readonly Agent _evaluator = new("output-evaluator")
    {
        Name = "Output Evaluator",
        Instructions = "You evaluate a support agent's answer. Judge helpfulness, accuracy and structure, score its quality from 0 to 1, and list strengths and improvements.",
        Model = model,
        ResponseFormat = ChatResponseFormat.ForJsonSchema<EvaluationResult>(EvaluationJsonContext.Default.Options, "evaluation_result"),
    };

    public async Task<EvaluationResult> EvaluateAsync(string question, string answer, CancellationToken cancellationToken)
    {
        var output = await _evaluator.RunAsync($"Question: {question}\n\nAnswer: {answer}", cancellationToken: cancellationToken);
        if (output.Status != RunStatus.Completed || string.IsNullOrWhiteSpace(output.Content))
        {
            throw new InvalidOperationException($"The evaluator did not answer: {output.Content}");
        }

        var result = JsonSerializer.Deserialize(output.Content, EvaluationJsonContext.Default.EvaluationResult)
            ?? throw new InvalidOperationException("The evaluator answered null.");
        return result with { QualityScore = Math.Clamp(result.QualityScore, 0, 1) };
    }
}
