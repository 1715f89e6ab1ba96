namespace Agno.Hooks;

/// <summary>
/// A background queue's counts, for dashboards such as AgentOS's <c>GET /hooks/runs</c>. <c>AddAgnoHooks()</c>
/// registers the in-memory executor's; a durable queue registers its own in its place.
/// </summary>
public interface IBackgroundHookStatistics
{
    /// <summary>Counts since the queue was created.</summary>
    BackgroundHookStatistics Statistics { get; }
}
