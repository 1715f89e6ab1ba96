namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>What to sort sessions by.</summary>
public enum SessionSortField
{
    CreatedAt,
    UpdatedAt,
    SessionName,
}
