using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackgroundOutputEvaluation;

/// <summary>The evaluator's structured verdict on one answer.</summary>
public sealed record EvaluationResult
{
    [Description("Does the answer help the user?")]
    public bool IsHelpful { get; init; }

    [Description("Is the answer factually accurate?")]
    public bool IsAccurate { get; init; }

    [Description("Is the answer clear and well structured?")]
    public bool IsWellStructured { get; init; }

    [Description("Overall quality from 0 (useless) to 1 (excellent).")]
    [Range(0.0, 1.0)]
    public double QualityScore { get; init; }

    public IReadOnlyList<string> Strengths { get; init; } = [];

    public IReadOnlyList<string> Improvements { get; init; } = [];

    public string Summary { get; init; } = string.Empty;
}

/// <summary>Source-generated JSON for the verdict: its schema for the model, and reading the model's answer.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(EvaluationResult))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
