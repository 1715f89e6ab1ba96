using System.Collections.Concurrent;

namespace Agno.Hooks.Tests.Support;

/// <summary>Records finished background executions and lets a test wait for a number of them.</summary>
internal sealed class ExecutionRecorder : IBackgroundHookObserver
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<BackgroundHookResult> _executions = new();
    private readonly SemaphoreSlim _signal = new(0);

    public IReadOnlyCollection<BackgroundHookResult> Executions => [.. _executions];

    public void OnExecuted(BackgroundHookResult execution)
    {
        _executions.Enqueue(execution);
        _signal.Release();
    }

    /// <summary>Waits until <paramref name="count"/> more executions have finished since the last wait.</summary>
    public async Task<IReadOnlyCollection<BackgroundHookResult>> WaitForAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!await _signal.WaitAsync(Patience))
            {
                throw new TimeoutException($"Only {i} of {count} background executions finished within {Patience}.");
            }
        }

        return Executions;
    }
}
