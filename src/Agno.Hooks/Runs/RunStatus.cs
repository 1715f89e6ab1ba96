namespace Agno.Hooks;

/// <summary>A run's status, as Agno names them (upper case on the wire).</summary>
public enum RunStatus
{
    Pending,
    Running,
    Completed,
    Paused,
    Cancelled,
    Error,
}
