namespace Agno.Hooks.Benchmarks.Streaming;

/// <summary>A moderation service that answers at once and flags nothing: what is measured is the hold, not a call.</summary>
internal sealed class AllowingModerator : IContentModerator
{
    private static readonly Task<ContentModerationResult> NotFlagged = Task.FromResult(new ContentModerationResult { Flagged = false });

    public Task<ContentModerationResult> ModerateAsync(string text, CancellationToken cancellationToken = default) => NotFlagged;
}
