namespace Agno.Hooks;

/// <summary>
/// A background queue that counts its work in this process, for <c>GET /hooks/runs</c>: the in-memory
/// <see cref="BackgroundHookExecutor"/>, or a durable queue (its executions started here, whichever instance queued them).
/// </summary>
public interface IBackgroundHookStatisticsProvider
{
    /// <summary>Counts since creation.</summary>
    BackgroundHookStatistics Statistics { get; }
}
