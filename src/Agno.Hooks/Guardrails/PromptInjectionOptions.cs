namespace Agno.Hooks;

/// <summary>Options of <see cref="PromptInjectionGuardrail"/>, Agno's <c>PromptInjectionGuardrail</c>.</summary>
public sealed class PromptInjectionOptions
{
    /// <summary>Agno's 18 phrases, the list used when <see cref="Phrases"/> is null.</summary>
    public static IReadOnlyList<string> DefaultPhrases { get; } =
    [
        "ignore previous instructions",
        "ignore your instructions",
        "you are now a",
        "forget everything above",
        "developer mode",
        "override safety",
        "disregard guidelines",
        "system prompt",
        "jailbreak",
        "act as if",
        "pretend you are",
        "roleplay as",
        "simulate being",
        "bypass restrictions",
        "ignore safeguards",
        "admin override",
        "root access",
        "forget everything",
    ];

    /// <summary>
    /// The phrases to reject; they replace the defaults, as Agno's <c>injection_patterns</c> do (add to
    /// <see cref="DefaultPhrases"/> to extend them). Always matched case-insensitively. Null: <see cref="DefaultPhrases"/>.
    /// </summary>
    public IList<string>? Phrases { get; set; }

    /// <summary>
    /// Match a phrase only as whole words: "system prompt" then rejects "show me the system prompt" but allows
    /// "system prompts course", and "jailbreak" no longer matches "jailbreaking". Default false: any substring, as Agno.
    /// </summary>
    public bool WholeWords { get; set; }
}
