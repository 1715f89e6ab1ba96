namespace Agno.Hooks;

/// <summary>How a background execution ended.</summary>
public enum BackgroundHookStatus
{
    Completed,
    Failed,
    TimedOut,

    /// <summary>Cancelled because the host's shutdown deadline passed while it ran.</summary>
    Cancelled,
}

/// <summary>The record of one finished background execution.</summary>
public sealed record BackgroundHookExecution(
    string HookName,
    string RunId,
    BackgroundHookStatus Status,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Error);

/// <summary>Told of every finished background execution (AgentOS keeps the recent ones for <c>GET /hooks/runs</c>).</summary>
public interface IBackgroundHookObserver
{
    void OnExecuted(BackgroundHookExecution execution);
}

/// <summary>Counts of the executor's work since it was created.</summary>
public readonly record struct BackgroundHookStatistics(
    long Queued,
    long Running,
    long Completed,
    long Failed,
    long TimedOut,
    long Cancelled,
    long Rejected,
    long Abandoned)
{
    /// <summary>Executions that have ended one way or another.</summary>
    public long Finished => Completed + Failed + TimedOut + Cancelled;
}
