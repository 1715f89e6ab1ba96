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

/// <summary>The record of one finished background execution.</summary>
public sealed record BackgroundHookExecution(
    string HookName,
    string RunId,
    BackgroundHookStatus Status,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Error)
{
    /// <summary>The execution's stable id (see <see cref="BackgroundHookWorkItem.ExecutionId"/>).</summary>
    public string? ExecutionId { get; init; }

    /// <summary>Which try this was; 1 unless a durable queue retried it.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The status as Agno.Hooks writes it in logs, metrics and <c>/hooks/runs</c>: <c>completed</c>, <c>failed</c>, <c>timed_out</c> or <c>cancelled</c>.</summary>
    public string StatusName => BackgroundHookInvoker.StatusName(Status);

    /// <summary>What a failed execution threw; a durable queue rethrows it to schedule a retry.</summary>
    public Exception? Exception { get; init; }
}

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
    long Refused,
    long Abandoned)
{
    /// <summary>Executions that have ended one way or another.</summary>
    public long Finished => Completed + Failed + TimedOut + Cancelled;
}
