namespace Agno.Hooks;

/// <summary>
/// Thread-safe counts of a background queue's work, as <see cref="IBackgroundHookStatistics"/> reports them: one place
/// for the in-memory executor and durable queues to keep them.
/// </summary>
public sealed class BackgroundHookCounters
{
    private long _queued;
    private long _running;
    private long _completed;
    private long _failed;
    private long _timedOut;
    private long _cancelled;
    private long _refused;
    private long _abandoned;

    public BackgroundHookStatistics Statistics => new(
        Interlocked.Read(ref _queued),
        Interlocked.Read(ref _running),
        Interlocked.Read(ref _completed),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _timedOut),
        Interlocked.Read(ref _cancelled),
        Interlocked.Read(ref _refused),
        Interlocked.Read(ref _abandoned));

    /// <summary>Executions running now.</summary>
    public long Running => Interlocked.Read(ref _running);

    public void Queued() => Interlocked.Increment(ref _queued);

    /// <summary>Refused because the queue was stopping.</summary>
    public void Refused() => Interlocked.Increment(ref _refused);

    /// <summary>Still queued when the shutdown deadline passed: never run.</summary>
    public void Abandoned() => Interlocked.Increment(ref _abandoned);

    public void Started() => Interlocked.Increment(ref _running);

    /// <summary>One execution ended with <paramref name="status"/>.</summary>
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
