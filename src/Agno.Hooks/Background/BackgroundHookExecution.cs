namespace Agno.Hooks;

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
