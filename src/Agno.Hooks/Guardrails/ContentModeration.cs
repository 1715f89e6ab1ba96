namespace Agno.Hooks;

/// <summary>
/// Classifies text for <see cref="ModerationGuardrail"/>. <see cref="OpenAIContentModerator"/> calls OpenAI's
/// moderation endpoint; register another implementation to use another service.
/// </summary>
public interface IContentModerator
{
    Task<ContentModerationResult> ModerateAsync(string text, CancellationToken cancellationToken = default);
}

/// <summary>What a moderation service said about one text.</summary>
public sealed class ContentModerationResult
{
    /// <summary>True when the service flagged the text in at least one category.</summary>
    public required bool Flagged { get; init; }

    /// <summary>Every category the service knows, by its wire name (<c>self-harm/intent</c>), and whether it flagged it.</summary>
    public IReadOnlyDictionary<string, bool> Categories { get; init; } = new Dictionary<string, bool>();

    /// <summary>The score of every category, by the same names.</summary>
    public IReadOnlyDictionary<string, double> CategoryScores { get; init; } = new Dictionary<string, double>();
}
