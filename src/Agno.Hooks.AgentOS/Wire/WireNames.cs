namespace Agno.Hooks.AgentOS.Wire;

/// <summary>The one place where our enums become Agno's wire strings.</summary>
internal static class WireNames
{
    /// <summary><c>agent</c>, <c>team</c> or <c>workflow</c>: route segments' singular, Agno's component types and step types.</summary>
    public static string OwnerKind(HookOwnerKind kind) => kind switch
    {
        HookOwnerKind.Team => "team",
        HookOwnerKind.Workflow => "workflow",
        _ => "agent",
    };

    /// <summary>Agno's <c>RunStatus</c> values.</summary>
    public static string RunStatus(RunStatus status) => status switch
    {
        Hooks.RunStatus.Pending => "PENDING",
        Hooks.RunStatus.Running => "RUNNING",
        Hooks.RunStatus.Completed => "COMPLETED",
        Hooks.RunStatus.Paused => "PAUSED",
        Hooks.RunStatus.Cancelled => "CANCELLED",
        Hooks.RunStatus.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };
}
