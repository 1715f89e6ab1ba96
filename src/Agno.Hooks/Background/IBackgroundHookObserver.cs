namespace Agno.Hooks;

/// <summary>Told of every finished background execution (AgentOS keeps the recent ones for <c>GET /hooks/runs</c>).</summary>
public interface IBackgroundHookObserver
{
    void OnExecuted(BackgroundHookResult execution);
}
