using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.HookRuns;

/// <summary>
/// The most recent background hook executions, in a fixed-size ring (<see cref="AgentOSOptions.RecentHookRunsCapacity"/>),
/// so <c>GET /hooks/runs</c> shows a failing hook without anyone reading logs. Memory stays bounded whatever the traffic.
/// </summary>
internal sealed class RecentHookRuns : IBackgroundHookObserver
{
    // Records are values: the ring holds them in place, and a new execution costs it nothing.
    private readonly BackgroundHookResult[] _ring;
    private readonly Lock _lock = new();
    private long _recorded;

    public RecentHookRuns(IOptions<AgentOSOptions> options)
    {
        var capacity = options.Value.RecentHookRunsCapacity;
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), capacity, $"{nameof(AgentOSOptions.RecentHookRunsCapacity)} must be at least 1.");
        }

        _ring = new BackgroundHookResult[capacity];
    }

    public int Capacity => _ring.Length;

    public void OnExecuted(BackgroundHookResult execution)
    {
        lock (_lock)
        {
            _ring[_recorded % _ring.Length] = execution;
            _recorded++;
        }
    }

    /// <summary>The kept executions, newest first.</summary>
    public IReadOnlyList<BackgroundHookResult> Snapshot()
    {
        lock (_lock)
        {
            var count = (int)Math.Min(_recorded, _ring.Length);
            var result = new BackgroundHookResult[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = _ring[(_recorded - 1 - i) % _ring.Length];
            }

            return result;
        }
    }
}
