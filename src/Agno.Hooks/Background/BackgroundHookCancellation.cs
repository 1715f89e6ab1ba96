namespace Agno.Hooks;

/// <summary>
/// The cancellation of the executions one caller runs one after the other (an executor's worker): each gets a token
/// that fires at <see cref="AgnoHooksOptions.HookTimeout"/>, on a timer of the invoker's <see cref="TimeProvider"/>, or
/// when <see cref="Outer"/> (the executor's shutdown deadline, a durable job's stop) fires.
/// </summary>
/// <remarks>
/// <para>
/// One <see cref="CancellationTokenSource"/> serves execution after execution: <see cref="Start"/> re-arms one timer,
/// <see cref="End"/> stops it and resets the source (<see cref="CancellationTokenSource.TryReset"/> drops the
/// registrations a hook left on the token). A timed source and a source linked to the outer token per execution
/// cost ~0.5 µs and ~400 B. The outer token cancels the running execution through one registration made for the
/// caller's lifetime.
/// </para>
/// <para>
/// The timer is this class's, not the source's own: cancelling runs the callbacks hooks registered on their token,
/// and one that throws would throw out of the source's timer callback, on a timer thread, and end the process.
/// Here the cancel is caught; the hook still ends as timed out or cancelled, and is logged and counted as such.
/// </para>
/// <para>
/// A source that was cancelled (the hook timed out, or the outer token fired) is replaced, so a hook that may still
/// be running with its token never shares it with a later execution. A hook that completed hands its token on to the
/// caller's next execution: one that keeps the token after it returned (a fire-and-forget continuation) can see a
/// later execution's timeout or the shutdown deadline on it; its registrations were dropped by the reset. The token
/// is the execution's: it means nothing once the hook has returned.
/// </para>
/// </remarks>
internal sealed class BackgroundHookCancellation : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly CancellationTokenRegistration _outerRegistration;
    private ITimer? _timer;
    private CancellationTokenSource? _source;
    private long _startedAt;
    private bool _running;

    public BackgroundHookCancellation(TimeSpan timeout, TimeProvider time, CancellationToken outer)
    {
        _timeout = timeout;
        _time = time;
        Outer = outer;
        if (outer.CanBeCanceled)
        {
            _outerRegistration = outer.UnsafeRegister(static state => ((BackgroundHookCancellation)state!).CancelRunning(byTimer: false), this);
        }
    }

    /// <summary>Cancels every execution it starts; when it fired, a cancelled execution counts as cancelled, not timed out.</summary>
    public CancellationToken Outer { get; }

    /// <summary>The source of the execution about to start, its timeout running.</summary>
    public CancellationTokenSource Start()
    {
        CancellationTokenSource source;
        lock (_gate)
        {
            source = _source ??= new CancellationTokenSource();
            _startedAt = _time.GetTimestamp();
            _running = true;
        }

        (_timer ??= _time.CreateTimer(static state => ((BackgroundHookCancellation)state!).CancelRunning(byTimer: true), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan))
            .Change(_timeout, Timeout.InfiniteTimeSpan);

        // Fired before this execution began: its registration ran with nothing to cancel.
        if (Outer.IsCancellationRequested)
        {
            CancelRunning(byTimer: false);
        }

        return source;
    }

    /// <summary>The execution <see cref="Start"/> began has ended: keeps its source for the next one if it can be reset.</summary>
    public void End()
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _running = false;
            if (_source is { } source && !source.TryReset())
            {
                source.Dispose();
                _source = null;
            }
        }
    }

    public void Dispose()
    {
        // The registration first: disposing it waits for a cancellation it is running.
        _outerRegistration.Dispose();
        _timer?.Dispose();
        lock (_gate)
        {
            _source?.Dispose();
            _source = null;
        }
    }

    // Under the lock, so that End can't reset the source and hand it to the next execution while it is being cancelled.
    private void CancelRunning(bool byTimer)
    {
        lock (_gate)
        {
            if (!_running || _source is not { } source)
            {
                return;
            }

            if (byTimer && _time.GetElapsedTime(_startedAt) is var elapsed && elapsed < _timeout)
            {
                // Early, or a callback already on its way when the last execution ended and this one began: wait out
                // what is left of this execution's timeout.
                _timer?.Change(_timeout - elapsed, Timeout.InfiniteTimeSpan);
                return;
            }

            try
            {
                source.Cancel();
            }
            catch (AggregateException)
            {
                // A callback the hook registered on its token threw. The hook is cancelled all the same, and ends as
                // timed out or cancelled; the exception must not reach a timer thread.
            }
        }
    }
}
