namespace Agno.Hooks;

/// <summary>
/// Options of <see cref="PiiDetectionGuardrail"/>, Agno's <c>PIIDetectionGuardrail</c>, and of
/// <see cref="OutputPiiDetectionGuardrail"/>: which kinds of personal data to look for, and whether to reject the run
/// or mask what was found. Named options, one per configuration: the input guardrail's unnamed ones, the output
/// guardrail's <see cref="OutputPiiDetectionGuardrail.DefaultOptionsName"/>, and each name given to
/// <c>AddPiiDetection(name, ...)</c> or <c>AddOutputPiiDetection(name, ...)</c>.
/// </summary>
public sealed class PiiDetectionOptions
{
    /// <summary>
    /// Replace each match in place with <c>*</c> of the same length (Agno's <c>mask_pii</c>), so the model and every
    /// later hook see the masked text, instead of rejecting the run. Default false: reject.
    /// </summary>
    public bool Mask { get; set; }

    /// <summary>US Social Security numbers, <c>\b\d{3}-\d{2}-\d{4}\b</c>. Default true.</summary>
    public bool DetectSsn { get; set; } = true;

    /// <summary>Credit card numbers, four groups of four digits, <c>\b\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4}\b</c>. Default true.</summary>
    public bool DetectCreditCard { get; set; } = true;

    /// <summary>E-mail addresses, <c>\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b</c>. Default true.</summary>
    public bool DetectEmail { get; set; } = true;

    /// <summary>Phone numbers, <c>\b\d{3}[\s.-]?\d{3}[\s.-]?\d{4}\b</c>. Default true.</summary>
    public bool DetectPhone { get; set; } = true;

    /// <summary>
    /// More kinds: name → .NET regular expression, checked after the built-in ones. An invalid pattern fails when
    /// the guardrail is created (at start-up under a host), as Agno's does at construction.
    /// </summary>
    public IDictionary<string, string> CustomPatterns { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// How long one custom pattern may run on one text. A custom pattern that times out counts as a match (the
    /// guardrail fails closed), since it could not rule the data out. Built-in patterns are source-generated and need none.
    /// </summary>
    public TimeSpan CustomPatternTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
