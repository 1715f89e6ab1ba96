namespace Agno.Hooks;

/// <summary>How a background execution ended.</summary>
public enum BackgroundHookStatus
{
    Completed,
    Failed,
    TimedOut,

    /// <summary>Cancelled before it finished: the host's shutdown deadline passed while it ran.</summary>
    Cancelled,
}
