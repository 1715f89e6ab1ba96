namespace Agno.Hooks;

/// <summary>Why a check rejected a run; <see cref="Id"/> is Agno's <c>error_id</c>.</summary>
public readonly record struct CheckTrigger
{
    public CheckTrigger(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    public string Id { get; }

    public static CheckTrigger InputNotAllowed { get; } = new("input_not_allowed");

    public static CheckTrigger OutputNotAllowed { get; } = new("output_not_allowed");

    public static CheckTrigger OffTopic { get; } = new("off_topic");

    public static CheckTrigger ValidationFailed { get; } = new("validation_failed");

    public static CheckTrigger PromptInjection { get; } = new("prompt_injection");

    public static CheckTrigger PiiDetected { get; } = new("pii_detected");

    public override string ToString() => Id;
}
