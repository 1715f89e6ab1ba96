namespace Agno.Hooks;

/// <summary>
/// Options of <see cref="ModerationGuardrail"/>, after Agno's <c>OpenAIModerationGuardrail</c>: which flagged categories
/// reject the run, and what a failed moderation call does. The moderation service's own settings (model, endpoint,
/// key) are its own: <c>OpenAIModerationOptions</c> of Agno.Hooks.OpenAI for OpenAI's.
/// </summary>
public sealed class ModerationOptions
{
    /// <summary>
    /// The categories that reject the run when flagged, by OpenAI's names (<c>violence</c>, <c>self-harm/intent</c>;
    /// <c>self_harm_intent</c> works too). Null or empty: any flagged category rejects (Agno's <c>raise_for_categories</c>).
    /// </summary>
    public IList<string>? RejectCategories { get; set; }

    /// <summary>
    /// What happens when the moderation call itself fails (network, key, quota): false (the default, as Agno) logs
    /// the failure and lets the run go on; true rejects the run (<c>input_not_allowed</c>), failing closed.
    /// </summary>
    public bool RejectOnError { get; set; }
}
