namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>An observer that signals once the executor has finished a given number of executions.</summary>
internal sealed class ExecutionSignal(int expected) : IBackgroundHookObserver
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public Task Reached => _reached.Task;

    public int Count => Volatile.Read(ref _count);

    public void OnExecuted(BackgroundHookResult execution)
    {
        if (Interlocked.Increment(ref _count) >= expected)
        {
            _reached.TrySetResult();
        }
    }
}
