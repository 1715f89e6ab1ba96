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

    /// <summary>
    /// E-mail addresses, <c>\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,63}\.[A-Za-z]{2,24}\b</c>: Agno's pattern with a cap on
    /// each part (a local part of at most 64 characters, as RFC 5321 allows), so that a streamed answer need hold back
    /// only the longest address, 154 characters. Default true.
    /// </summary>
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

    /// <summary>
    /// For a streamed answer under the output guardrail: how far past its start a custom pattern's match can reach (its
    /// longest match, and any characters it looks at after it, such as the one a trailing <c>\b</c> reads). The stream
    /// then holds back only that much. Null (the default) with custom patterns: a streamed answer is held whole until the
    /// guardrail has checked it, since a pattern's reach can't be told from the pattern. Not used without custom patterns.
    /// </summary>
    public int? CustomPatternReach { get; set; }
}
