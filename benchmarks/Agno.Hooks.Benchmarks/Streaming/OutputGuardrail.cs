namespace Agno.Hooks.Benchmarks.Streaming;

/// <summary>The output guardrails on the streamed agent of <see cref="FirstTokenBenchmarks"/> and <see cref="OutputGateCostBenchmarks"/>.</summary>
public enum OutputGuardrail
{
    /// <summary>No output guardrail: the answer goes out as the model streams it.</summary>
    None,

    /// <summary><see cref="OutputPiiDetectionGuardrail"/> in mask mode, default patterns: incremental, a 154-character window.</summary>
    OutputPii,

    /// <summary><see cref="PromptInjectionGuardrail.CheckOutput"/>, Agno's 18 phrases as substrings: incremental, the longest phrase's window.</summary>
    PromptInjection,

    /// <summary>Both, in that order: the injection check reads what the PII check lets out, so their windows add up.</summary>
    PiiThenInjection,

    /// <summary><see cref="ModerationGuardrail.CheckOutput"/> on a local moderator that flags nothing: it holds the whole answer.</summary>
    Moderation,
}
