namespace Agno.Hooks;

/// <summary>Counts of the executor's work since it was created.</summary>
public readonly record struct BackgroundHookStatistics(
    long Queued,
    long Running,
    long Completed,
    long Failed,
    long TimedOut,
    long Cancelled,
    long Refused,
    long Abandoned)
{
    /// <summary>Executions that have ended one way or another.</summary>
    public long Finished => Completed + Failed + TimedOut + Cancelled;
}
