using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agno.Hooks;

/// <summary>
/// A guardrail after each tool call (Agno has none): looks for the PII guardrails' kinds of personal data in what the tool
/// returned, and masks it before the model sees it (the default), or rejects the run (<c>pii_detected</c>). The model, the
/// run's record, its events and everything downstream then never hold it.
/// </summary>
/// <remarks>
/// Attach <see cref="CheckHook"/> to an owner's <c>PostToolHooks</c> (or a <see cref="HookedTool"/>'s); register it with
/// <c>services.AddAgnoHooks().AddToolResultPiiMasking(...)</c>. A result that is not text (JSON, content) is checked, and
/// masked, as its text.
/// </remarks>
public sealed partial class ToolResultPiiGuardrail
{
    /// <summary>The hook's name, as events and logs show it.</summary>
    public const string HookName = "ToolResultPIIGuardrail";

    /// <summary>The message when it rejects a run.</summary>
    public const string RejectionMessage = "Potential PII detected in a tool's result";

    private readonly PiiScanner _scanner;
    private readonly ILogger _logger;

    /// <param name="options">Which kinds to look for, and whether to mask (the default here) or reject.</param>
    /// <param name="logger">Where a timed-out pattern is logged.</param>
    public ToolResultPiiGuardrail(PiiDetectionOptions options, ILogger<ToolResultPiiGuardrail>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scanner = new PiiScanner(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Masks personal data in the call's result, or rejects the run, as the options say.</summary>
    /// <exception cref="OutputCheckException">Personal data was found (and not masked), or a pattern timed out.</exception>
    [Hook(Guardrail = true, Name = HookName)]
    public void Check(ToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (ToolInvoker.Text(call.Result) is not { Length: > 0 } text)
        {
            return;
        }

        if (_scanner.Mask)
        {
            var masked = text;
            if (_scanner.MaskText(ref masked) is { } timedOut)
            {
                GuardrailLog.PatternTimedOut(_logger, HookName);
                throw new OutputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data([timedOut]));
            }

            if (!ReferenceEquals(masked, text))
            {
                call.Result = masked;
            }

            return;
        }

        var found = new List<string>(0);
        if (_scanner.Detect(text, found))
        {
            GuardrailLog.PatternTimedOut(_logger, HookName);
        }

        if (found.Count > 0)
        {
            throw new OutputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data(found));
        }
    }
}
