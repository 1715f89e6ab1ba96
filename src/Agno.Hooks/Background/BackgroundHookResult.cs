namespace Agno.Hooks;

/// <summary>
/// How one background execution ended: what <see cref="IBackgroundHookObserver"/>s get and
/// <see cref="BackgroundHookInvoker.ExecuteAsync"/> returns. The execution itself, queued, is a
/// <see cref="BackgroundHookWorkItem"/>; what its hook binds of it is a <see cref="BackgroundExecutionInfo"/>.
/// </summary>
/// <remarks>
/// A value, not an object: the executor makes one per execution for its observers (AgentOS's <c>/hooks/runs</c>
/// ring always listens), and an object there cost 88 B per execution, most of the executor's budget. It holds no
/// reference to the work item, so whoever keeps records keeps none of the run's copies.
/// </remarks>
public readonly record struct BackgroundHookResult(
    string HookName,
    string RunId,
    BackgroundHookStatus Status,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Error)
{
    // One form per id, so that equal ids make equal records: a Guid when the id is one in the "N" format (written
    // out only when read, like the work item's), the text otherwise (see ExecutionIds.Parse).
    private readonly Guid _executionGuid;
    private readonly string? _executionId;

    internal BackgroundHookResult(BackgroundHookWorkItem item, BackgroundHookStatus status, DateTimeOffset startedAt, TimeSpan duration, string? error, Exception? exception)
        : this(item.HookName, item.RunId, status, startedAt, duration, error)
    {
        _executionGuid = item.ExecutionGuid;
        _executionId = _executionGuid == Guid.Empty ? item.ExecutionId : null;
        Attempt = item.Attempt;
        Exception = exception;
    }

    /// <summary>The execution's stable id (see <see cref="BackgroundHookWorkItem.ExecutionId"/>).</summary>
    public string? ExecutionId
    {
        get => _executionId ?? (_executionGuid == Guid.Empty ? null : _executionGuid.ToString("N"));
        init
        {
            _executionGuid = ExecutionIds.Parse(value);
            _executionId = _executionGuid == Guid.Empty ? value : null;
        }
    }

    /// <summary>Which try this was; 1 unless a durable queue retried it.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The status as Agno.Hooks writes it in logs, metrics and <c>/hooks/runs</c>: <c>completed</c>, <c>failed</c>, <c>timed_out</c> or <c>cancelled</c>.</summary>
    public string StatusName => BackgroundHookInvoker.StatusName(Status);

    /// <summary>What a failed execution threw; a durable queue rethrows it to schedule a retry.</summary>
    public Exception? Exception { get; init; }
}
