using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Agno's <c>PIIDetectionGuardrail</c>, as a pre-hook guardrail: looks for SSNs, credit card numbers, e-mail
/// addresses, phone numbers and custom patterns in the message and in the earlier messages of the input, then
/// rejects the run (<c>pii_detected</c>, with the kinds found) or masks each match in place.
/// </summary>
/// <remarks>
/// Attach <see cref="CheckHook"/> to an agent's <c>PreHooks</c>; register it with <c>services.AddAgnoHooks().AddPiiDetection(...)</c>,
/// whose options it reads once, when the container creates it. A named configuration,
/// <c>AddPiiDetection("strict", ...)</c>, is attached as <c>CheckHook.Named("strict")</c>.
/// </remarks>
public sealed partial class PiiDetectionGuardrail
{
    /// <summary>The hook's name, Agno's class name, as events and logs show it.</summary>
    public const string HookName = "PIIDetectionGuardrail";

    /// <summary>Agno's message when it rejects a run.</summary>
    public const string RejectionMessage = "Potential PII detected in input";

    private readonly PiiScanner _scanner;
    private readonly ILogger _logger;
    private readonly string _hookName;

    public PiiDetectionGuardrail(IOptions<PiiDetectionOptions> options, ILogger<PiiDetectionGuardrail>? logger = null)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, logger, HookName)
    {
    }

    /// <param name="options">The configuration.</param>
    /// <param name="logger">Where a timed-out pattern is logged.</param>
    /// <param name="hookName">The name logs give the hook: a named configuration's descriptor's.</param>
    internal PiiDetectionGuardrail(PiiDetectionOptions options, ILogger? logger, string hookName)
    {
        _scanner = new PiiScanner(options);
        _logger = logger ?? NullLogger.Instance;
        _hookName = hookName;
    }

    /// <summary>Rejects the run, or masks the message and the earlier messages in place, as the options say.</summary>
    /// <exception cref="InputCheckException">Personal data was found (and not masked).</exception>
    [Hook(Guardrail = true, Name = HookName)]
    public void Check(RunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_scanner.Mask)
        {
            MaskAll(input);
            return;
        }

        var found = new List<string>(0);
        var timedOut = _scanner.Detect(input.Content, found);
        foreach (var message in input.Messages)
        {
            timedOut |= _scanner.Detect(message.Text, found);
        }

        if (timedOut)
        {
            GuardrailLog.PatternTimedOut(_logger, _hookName);
        }

        if (found.Count > 0)
        {
            throw new InputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data(found));
        }
    }

    private void MaskAll(RunInput input)
    {
        var content = input.Content;
        var timedOut = _scanner.MaskText(ref content);
        input.Content = content;
        foreach (var message in input.Messages)
        {
            if (timedOut is not null)
            {
                break;
            }

            var text = message.Text;
            timedOut = _scanner.MaskText(ref text);
            message.Text = text;
        }

        if (timedOut is not null)
        {
            // What could not be masked can't go to the model: fail closed.
            GuardrailLog.PatternTimedOut(_logger, _hookName);
            throw new InputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data([timedOut]));
        }
    }
}
