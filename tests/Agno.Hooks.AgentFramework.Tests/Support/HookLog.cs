using System.Collections.Concurrent;

namespace Agno.Hooks.AgentFramework.Tests.Support;

/// <summary>What the test hooks saw, in order, with a signal for "an entry like this has been written".</summary>
public sealed class HookLog
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    public IReadOnlyList<string> Entries => [.. _entries];

    public ConcurrentQueue<AgentSession> Sessions { get; } = new();

    public ConcurrentQueue<AIAgent> Owners { get; } = new();

    /// <summary>What background hooks' output copies said, and what they saw after writing to their copy.</summary>
    public ConcurrentQueue<string> BackgroundContents { get; } = new();

    public void Add(string entry)
    {
        _entries.Enqueue(entry);
        lock (_waiters)
        {
            foreach (var (match, seen) in _waiters)
            {
                if (match(entry))
                {
                    seen.TrySetResult();
                }
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> entries that start with <paramref name="prefix"/> have been written (or already were).</summary>
    public Task WaitForAsync(string prefix, int count = 1)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Enough() => _entries.Count(entry => entry.StartsWith(prefix, StringComparison.Ordinal)) >= count;
        lock (_waiters)
        {
            _waiters.Add((_ => Enough(), seen));
            if (Enough())
            {
                seen.TrySetResult();
            }
        }

        return seen.Task.WaitAsync(Waits.Signal);
    }
}

/// <summary>A door a background hook waits at, and signals that it got there and got through.</summary>
public sealed class Gate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;

    public Task Finished => _finished.Task;

    /// <summary>Set when the hook started: whatever the test wants to know at that moment.</summary>
    public Func<bool>? OnStart { get; set; }

    public bool? SeenOnStart { get; private set; }

    public void Open() => _open.TrySetResult();

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        SeenOnStart = OnStart?.Invoke();
        _started.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
        _finished.TrySetResult();
    }
}

/// <summary>Hears of every finished background execution, with a signal for "this many have finished".</summary>
public sealed class Executions : IBackgroundHookObserver
{
    private readonly List<BackgroundHookResult> _done = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public IReadOnlyList<BackgroundHookResult> Done
    {
        get
        {
            lock (_done)
            {
                return [.. _done];
            }
        }
    }

    public void OnExecuted(BackgroundHookResult execution)
    {
        lock (_done)
        {
            _done.Add(execution);
            foreach (var (count, reached) in _waiters)
            {
                if (_done.Count >= count)
                {
                    reached.TrySetResult();
                }
            }
        }
    }

    public Task WaitForAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_done)
        {
            _waiters.Add((count, reached));
            if (_done.Count >= count)
            {
                reached.TrySetResult();
            }
        }

        return reached.Task.WaitAsync(Waits.Signal);
    }
}

internal static class Waits
{
    /// <summary>Generous: these waits end on a signal, and only time out when something is broken.</summary>
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(20);
}
