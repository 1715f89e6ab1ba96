using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// The output side of <see cref="PiiDetectionGuardrail"/>, which Agno does not have: a post-hook guardrail that
/// looks for the same kinds of personal data in the run's answer, and rejects the run (<see cref="OutputCheckException"/>,
/// <c>pii_detected</c>) or masks the answer before it is returned.
/// </summary>
/// <remarks>
/// Attach <see cref="CheckHook"/> to an agent's <c>PostHooks</c>; register it with <c>services.AddOutputPiiDetection(...)</c>.
/// When streaming, post-hooks run after the content events: the deltas already sent are not masked, the final
/// <c>RunCompleted</c> content (and the stored output) is.
/// </remarks>
public sealed partial class OutputPiiDetectionGuardrail
{
    /// <summary>The hook's name, as events and logs show it.</summary>
    public const string HookName = "OutputPIIDetectionGuardrail";

    /// <summary>The message when it rejects a run.</summary>
    public const string RejectionMessage = "Potential PII detected in output";

    private readonly PiiScanner _scanner;
    private readonly ILogger _logger;

    public OutputPiiDetectionGuardrail(IOptions<OutputPiiDetectionOptions> options, ILogger<OutputPiiDetectionGuardrail>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scanner = new PiiScanner(options.Value);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Rejects the run, or masks its content in place, as the options say.</summary>
    /// <exception cref="OutputCheckException">Personal data was found (and not masked).</exception>
    [Hook(Guardrail = true, Name = HookName)]
    public void Check(RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(output.Content))
        {
            return;
        }

        if (_scanner.Mask)
        {
            var content = output.Content;
            var timedOut = _scanner.MaskText(ref content);
            output.Content = content;
            if (timedOut is not null)
            {
                GuardrailLog.PatternTimedOut(_logger, HookName);
                throw new OutputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data([timedOut]));
            }

            return;
        }

        var found = new List<string>(0);
        if (_scanner.Detect(output.Content, found))
        {
            GuardrailLog.PatternTimedOut(_logger, HookName);
        }

        if (found.Count > 0)
        {
            throw new OutputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data(found));
        }
    }
}
