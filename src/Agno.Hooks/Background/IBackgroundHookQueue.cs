namespace Agno.Hooks;

/// <summary>
/// The one seam through which finished runs hand their background work over. The in-memory
/// <see cref="BackgroundHookExecutor"/> is the default; a durable queue (Agno.Hooks.Hangfire) replaces it.
/// </summary>
public interface IBackgroundHookQueue
{
    /// <summary>Queues <paramref name="item"/>. Waits while the queue is full: nothing is dropped.</summary>
    ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default);
}
