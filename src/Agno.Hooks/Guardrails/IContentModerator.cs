namespace Agno.Hooks;

/// <summary>
/// Classifies text for <see cref="ModerationGuardrail"/>. <see cref="OpenAIContentModerator"/> calls OpenAI's
/// moderation endpoint; register another implementation to use another service.
/// </summary>
public interface IContentModerator
{
    Task<ContentModerationResult> ModerateAsync(string text, CancellationToken cancellationToken = default);
}
