namespace Agno.Hooks.Hangfire;

/// <summary>What this process did with durable executions: queued here, and attempts run here, for <c>GET /hooks/runs</c>.</summary>
internal sealed class DurableHookCounters
{
    private long _queued;
    private long _running;
    private long _completed;
    private long _failed;
    private long _timedOut;
    private long _cancelled;
    private long _refused;

    public BackgroundHookStatistics Statistics => new(
        Interlocked.Read(ref _queued),
        Interlocked.Read(ref _running),
        Interlocked.Read(ref _completed),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _timedOut),
        Interlocked.Read(ref _cancelled),
        Interlocked.Read(ref _refused),
        Abandoned: 0);

    public void Queued() => Interlocked.Increment(ref _queued);

    public void Refused() => Interlocked.Increment(ref _refused);

    public void Started() => Interlocked.Increment(ref _running);

    public void Finished(BackgroundHookStatus status)
    {
        Interlocked.Decrement(ref _running);
        switch (status)
        {
            case BackgroundHookStatus.Completed:
                Interlocked.Increment(ref _completed);
                break;
            case BackgroundHookStatus.Failed:
                Interlocked.Increment(ref _failed);
                break;
            case BackgroundHookStatus.TimedOut:
                Interlocked.Increment(ref _timedOut);
                break;
            default:
                Interlocked.Increment(ref _cancelled);
                break;
        }
    }
}
