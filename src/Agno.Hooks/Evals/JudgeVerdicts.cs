using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Agno.Hooks;

/// <summary>The judge's answer with numeric scoring (Agno's <c>NumericJudgeResponse</c>).</summary>
internal sealed class NumericVerdict
{
    [Description("Score between 1 and 10.")]
    [Range(1, 10)]
    public required int Score { get; init; }

    [Description("Detailed reasoning for the evaluation.")]
    public required string Reason { get; init; }
}

/// <summary>The judge's answer with binary scoring (Agno's <c>BinaryJudgeResponse</c>).</summary>
internal sealed class BinaryVerdict
{
    [Description("Pass/fail result.")]
    public required bool Passed { get; init; }

    [Description("Detailed reasoning for the evaluation.")]
    public required string Reason { get; init; }
}

/// <summary>Source-generated serialisation of the verdicts: their schemas for the judge, and parsing its answer.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(NumericVerdict))]
[JsonSerializable(typeof(BinaryVerdict))]
internal sealed partial class JudgeJsonContext : JsonSerializerContext;
