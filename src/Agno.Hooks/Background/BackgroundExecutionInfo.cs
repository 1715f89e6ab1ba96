namespace Agno.Hooks;

/// <summary>
/// Which background execution a hook runs as. A <c>[Hook]</c> method binds it as a parameter
/// (<c>BackgroundExecutionInfo execution</c>), to deduplicate its side effects: <see cref="Id"/> is the same on every
/// attempt and on every process that runs the execution, so a durable queue's redelivery after a crash or a retry
/// after a failure can be told from new work. The execution itself, queued, is a <see cref="BackgroundHookWorkItem"/>;
/// how it ended, a <see cref="BackgroundHookResult"/>.
/// </summary>
/// <remarks>
/// Only background hooks have one. A hook that may also run inline (no <c>RunInBackground</c>, and the global
/// setting off) declares it nullable, <c>BackgroundExecutionInfo? execution</c>, and gets null inline; a non-nullable
/// parameter makes an inline invocation fail with a clear message.
/// </remarks>
/// <param name="Id">The execution's stable id (<see cref="BackgroundHookWorkItem.ExecutionId"/>).</param>
/// <param name="Attempt">1 for the first try; more when a durable queue runs it again after a failure or a crash.</param>
public sealed record BackgroundExecutionInfo(string Id, int Attempt)
{
    /// <summary>True when an earlier attempt of the same execution may have run (part of) the hook already.</summary>
    public bool IsRetry => Attempt > 1;
}
