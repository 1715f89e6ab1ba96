namespace Agno.Hooks;

/// <summary>Somewhere to put background hook executions.</summary>
public interface IBackgroundHookQueue
{
    /// <summary>Queues <paramref name="item"/>. Waits while the queue is full: nothing is dropped.</summary>
    ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default);
}
