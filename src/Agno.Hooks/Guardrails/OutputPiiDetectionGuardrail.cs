using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agno.Hooks;

/// <summary>
/// The output side of <see cref="PiiDetectionGuardrail"/>, which Agno does not have: a post-hook guardrail that
/// looks for the same kinds of personal data in the run's answer, and rejects the run (<see cref="OutputCheckException"/>,
/// <c>pii_detected</c>) or masks the answer before it is returned.
/// </summary>
/// <remarks>
/// Attach <see cref="CheckHook"/> to an agent's <c>PostHooks</c>; register it with <c>services.AddAgnoHooks().AddOutputPiiDetection(...)</c>,
/// or a named configuration with <c>AddOutputPiiDetection("strict", ...)</c> and attach <c>CheckHook.Named("strict")</c>.
/// A streamed answer is checked as it streams (<see cref="IStreamingOutputGuardrail"/>): the stream holds back the
/// longest match (<see cref="PiiDetectionOptions.CustomPatternReach"/> with custom patterns, else the whole answer), masks
/// or rejects there, and lets out what it has decided; the result is the same as the answer's not streamed.
/// </remarks>
public sealed partial class OutputPiiDetectionGuardrail : IStreamingOutputGuardrail
{
    /// <summary>The hook's name, as events and logs show it.</summary>
    public const string HookName = "OutputPIIDetectionGuardrail";

    /// <summary>The message when it rejects a run.</summary>
    public const string RejectionMessage = "Potential PII detected in output";

    /// <summary>
    /// The name of the <see cref="PiiDetectionOptions"/> the unnamed output guardrail reads (the input guardrail reads
    /// the unnamed ones): <c>services.AddOptions&lt;PiiDetectionOptions&gt;(OutputPiiDetectionGuardrail.DefaultOptionsName)</c>
    /// binds them from configuration.
    /// </summary>
    public const string DefaultOptionsName = HookName;

    private readonly PiiScanner _scanner;
    private readonly ILogger _logger;
    private readonly string _hookName;

    /// <param name="options">The configuration: the same options as the input guardrail's, for the run's answer.</param>
    /// <param name="logger">Where a timed-out pattern is logged.</param>
    public OutputPiiDetectionGuardrail(PiiDetectionOptions options, ILogger<OutputPiiDetectionGuardrail>? logger = null)
        : this(options ?? throw new ArgumentNullException(nameof(options)), logger, HookName)
    {
    }

    /// <param name="options">The configuration.</param>
    /// <param name="logger">Where a timed-out pattern is logged.</param>
    /// <param name="hookName">The name logs give the hook: a named configuration's descriptor's.</param>
    internal OutputPiiDetectionGuardrail(PiiDetectionOptions options, ILogger? logger, string hookName)
    {
        _scanner = new PiiScanner(options);
        _logger = logger ?? NullLogger.Instance;
        _hookName = hookName;
    }

    /// <inheritdoc/>
    public OutputStreamCheck? StartStreamCheck(HookContext context) =>
        _scanner.Window is { } window ? new PiiStreamCheck(this, window) : null;

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
                GuardrailLog.PatternTimedOut(_logger, _hookName);
                throw new OutputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data([timedOut]));
            }

            return;
        }

        var found = new List<string>(0);
        if (_scanner.Detect(output.Content, found))
        {
            GuardrailLog.PatternTimedOut(_logger, _hookName);
        }

        if (found.Count > 0)
        {
            throw new OutputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data(found));
        }
    }

    /// <summary>The same check over a streamed answer, as it grows.</summary>
    private sealed class PiiStreamCheck(OutputPiiDetectionGuardrail guardrail, int window) : SettlingStreamCheck
    {
        private bool _matched;

        public override int Window => window;

        protected override int Settle(ReadOnlySpan<char> text, int from, int decidable, bool final, List<(int Start, int End)> masks)
        {
            var scanner = guardrail._scanner;
            if (scanner.Mask)
            {
                if (scanner.FindMasks(text, from, decidable, final, masks, out var settled) is { } timedOut)
                {
                    GuardrailLog.PatternTimedOut(guardrail._logger, guardrail._hookName);
                    throw new OutputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data([timedOut]));
                }

                return settled;
            }

            // Once a match is decided nothing more goes out; the rejection waits for the whole answer, so that it names
            // every kind the answer has, as the not-streamed check's does.
            if (!_matched)
            {
                var found = new List<string>(0);
                _matched = scanner.Detect(text, from, decidable, final, found) || found.Count > 0;
            }

            if (!_matched)
            {
                return final ? text.Length : Math.Max(from, decidable);
            }

            if (!final)
            {
                return from;
            }

            var all = new List<string>(1);
            if (scanner.Detect(text, 0, text.Length, final: true, all))
            {
                GuardrailLog.PatternTimedOut(guardrail._logger, guardrail._hookName);
            }

            throw new OutputCheckException(RejectionMessage, CheckTrigger.PiiDetected, PiiScanner.Data(all));
        }
    }
}
