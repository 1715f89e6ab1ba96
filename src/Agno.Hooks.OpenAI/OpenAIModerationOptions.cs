namespace Agno.Hooks.OpenAI;

/// <summary>Options of <see cref="OpenAIContentModerator"/>: the model, endpoint and key of OpenAI's moderation API.</summary>
public sealed class OpenAIModerationOptions
{
    /// <summary>The moderation model (Agno's <c>moderation_model</c>). Default <c>omni-moderation-latest</c>.</summary>
    public string Model { get; set; } = "omni-moderation-latest";

    /// <summary>The API's base URL, such as <c>https://api.openai.com/v1</c>; null for OpenAI's.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The API key; null to read <c>OPENAI_API_KEY</c> from the environment, as Agno does.</summary>
    public string? ApiKey { get; set; }
}
