using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Agno's <c>PromptInjectionGuardrail</c>, as a pre-hook guardrail: rejects a message that contains one of a list of
/// phrases (Agno's 18 by default), ignoring case, with trigger <c>prompt_injection</c> and Agno's message.
/// </summary>
/// <remarks>
/// Unlike Agno, custom phrases are matched case-insensitively too (Agno lower-cases the message but not the
/// phrases, so a custom phrase with a capital never matches), and whole-word matching is available.
/// Attach <see cref="CheckHook"/> to <c>PreHooks</c>; register it with <c>services.AddAgnoHooks().AddPromptInjectionDetection(...)</c>
/// (a named configuration: <c>AddPromptInjectionDetection("strict", ...)</c>, attached as <c>CheckHook.Named("strict")</c>).
/// <see cref="CheckOutputHook"/>, which Agno does not have, checks the answer instead, in <c>PostHooks</c>: an answer that
/// carries one of the phrases (to a user, or to the next agent) is rejected; a streamed answer is checked as it streams,
/// holding back only the longest phrase.
/// </remarks>
public sealed partial class PromptInjectionGuardrail : IStreamingOutputGuardrail
{
    /// <summary>The hook's name, Agno's class name, as events and logs show it.</summary>
    public const string HookName = "PromptInjectionGuardrail";

    /// <summary>Agno's message when it rejects a run.</summary>
    public const string RejectionMessage = "Potential jailbreaking or prompt injection detected.";

    /// <summary>The name of the output check's hook, <see cref="CheckOutputHook"/>.</summary>
    public const string OutputHookName = "OutputPromptInjectionGuardrail";

    private readonly PhraseMatcher _matcher;

    public PromptInjectionGuardrail(IOptions<PromptInjectionOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    internal PromptInjectionGuardrail(PromptInjectionOptions options) =>
        _matcher = new PhraseMatcher((IEnumerable<string>?)options.Phrases ?? PromptInjectionOptions.DefaultPhrases, options.WholeWords);

    /// <summary>Rejects the run when its message contains one of the phrases.</summary>
    /// <exception cref="InputCheckException">A phrase was found.</exception>
    [Hook(Guardrail = true, Name = HookName)]
    public void Check(RunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_matcher.IsMatch(input.Content))
        {
            throw new InputCheckException(RejectionMessage, CheckTrigger.PromptInjection);
        }
    }

    /// <summary>Rejects the run when its answer contains one of the phrases.</summary>
    /// <exception cref="OutputCheckException">A phrase was found.</exception>
    [Hook(Guardrail = true, Name = OutputHookName)]
    public void CheckOutput(RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Content is { Length: > 0 } content && _matcher.IsMatch(content))
        {
            throw OutputRejection();
        }
    }

    /// <inheritdoc/>
    public OutputStreamCheck? StartStreamCheck(HookContext context) => new PhraseStreamCheck(_matcher);

    private static OutputCheckException OutputRejection() => new(RejectionMessage, CheckTrigger.PromptInjection);

    /// <summary><see cref="CheckOutput"/> over a streamed answer, as it grows.</summary>
    private sealed class PhraseStreamCheck(PhraseMatcher matcher) : SettlingStreamCheck
    {
        public override int Window => matcher.Reach;

        protected override int Settle(ReadOnlySpan<char> text, int from, int decidable, bool final, List<(int Start, int End)> masks)
        {
            var at = matcher.IndexOfMatch(text, from);
            if (at >= 0 && (final || at < decidable))
            {
                throw OutputRejection();
            }

            return final ? text.Length : Math.Max(from, decidable);
        }
    }
}
