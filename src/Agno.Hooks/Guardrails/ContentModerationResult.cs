namespace Agno.Hooks;

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
