namespace Agno.Hooks;

/// <summary>
/// A background queue that counts its work, for dashboards such as AgentOS's <c>GET /hooks/runs</c>. The in-memory
/// executor does; a queue that doesn't is reported with zero counts.
/// </summary>
public interface IBackgroundHookStatistics
{
    /// <summary>Counts since the queue was created.</summary>
    BackgroundHookStatistics Statistics { get; }
}
