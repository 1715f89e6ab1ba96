namespace Agno.Hooks;

/// <summary>
/// Holds a run's background hooks until <see cref="FlushAsync"/>: AgentOS uses one per request so that
/// hooks reach the executor only after the response has been sent.
/// </summary>
public sealed class DeferredBackgroundHookQueue : IBackgroundHookQueue
{
    private readonly List<BackgroundHookWorkItem> _items = [];

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_items)
        {
            _items.Add(item);
        }

        return default;
    }

    /// <summary>Moves every held item to <paramref name="target"/>, in the order they came.</summary>
    public async ValueTask FlushAsync(IBackgroundHookQueue target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        BackgroundHookWorkItem[] items;
        lock (_items)
        {
            items = [.. _items];
            _items.Clear();
        }

        foreach (var item in items)
        {
            await target.EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
        }
    }
}
