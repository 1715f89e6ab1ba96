namespace Agno.Hooks.Benchmarks.Background;

/// <summary>Hears every finished execution and signals when a given number have finished.</summary>
internal sealed class CompletionCounter : IBackgroundHookObserver
{
    private long _finished;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Finished => Interlocked.Read(ref _finished);

    /// <summary>Completes when <paramref name="more"/> executions beyond those finished so far have finished.</summary>
    public Task WaitForMore(long more)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, Finished + more);
        if (Finished >= Volatile.Read(ref _target))
        {
            _reached.TrySetResult();
        }

        return _reached.Task;
    }

    public void OnExecuted(BackgroundHookResult execution)
    {
        if (execution.Status != BackgroundHookStatus.Completed)
        {
            throw new InvalidOperationException($"A benchmark hook ended {execution.Status}: {execution.Error}");
        }

        if (Interlocked.Increment(ref _finished) == Volatile.Read(ref _target))
        {
            _reached.TrySetResult();
        }
    }
}
