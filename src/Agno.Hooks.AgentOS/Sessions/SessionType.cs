namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>What a session belongs to, as Agno's <c>session_type</c> names it.</summary>
public enum SessionType
{
    Agent,
    Team,
    Workflow,
}
