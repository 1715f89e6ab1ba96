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
/// </remarks>
public sealed partial class PromptInjectionGuardrail
{
    /// <summary>The hook's name, Agno's class name, as events and logs show it.</summary>
    public const string HookName = "PromptInjectionGuardrail";

    /// <summary>Agno's message when it rejects a run.</summary>
    public const string RejectionMessage = "Potential jailbreaking or prompt injection detected.";

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
}
