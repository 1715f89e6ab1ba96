namespace Agno.Hooks;

/// <summary>
/// Classifies text for <see cref="ModerationGuardrail"/>. <c>OpenAIContentModerator</c> (package Agno.Hooks.OpenAI,
/// <c>AddAgnoHooks().AddOpenAIContentModerator()</c>) calls OpenAI's moderation endpoint; register another
/// implementation (<c>services.AddSingleton&lt;IContentModerator, MyModerator&gt;()</c>) to use another service.
/// </summary>
public interface IContentModerator
{
    Task<ContentModerationResult> ModerateAsync(string text, CancellationToken cancellationToken = default);
}
