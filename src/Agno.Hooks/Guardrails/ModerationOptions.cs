namespace Agno.Hooks;

/// <summary>
/// Options of <see cref="ModerationGuardrail"/> and of <see cref="OpenAIContentModerator"/>, after Agno's
/// <c>OpenAIModerationGuardrail</c>.
/// </summary>
public sealed class ModerationOptions
{
    /// <summary>The moderation model (Agno's <c>moderation_model</c>). Default <c>omni-moderation-latest</c>.</summary>
    public string Model { get; set; } = "omni-moderation-latest";

    /// <summary>
    /// The categories that reject the run when flagged, by OpenAI's names (<c>violence</c>, <c>self-harm/intent</c>;
    /// <c>self_harm_intent</c> works too). Null or empty: any flagged category rejects (Agno's <c>raise_for_categories</c>).
    /// </summary>
    public IList<string>? RejectCategories { get; set; }

    /// <summary>The API's base URL, such as <c>https://api.openai.com/v1</c>; null for OpenAI's.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The API key; null to read <c>OPENAI_API_KEY</c> from the environment, as Agno does.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// What happens when the moderation call itself fails (network, key, quota): false (the default, as Agno) logs
    /// the failure and lets the run go on; true rejects the run (<c>input_not_allowed</c>), failing closed.
    /// </summary>
    public bool RejectOnError { get; set; }
}
