namespace Agno.Hooks;

/// <summary>
/// The cancellation of the executions one caller runs one after the other (an executor's worker): each gets a token
/// that fires at <see cref="AgnoHooksOptions.HookTimeout"/>, on a timer of the invoker's <see cref="TimeProvider"/>, or
/// when <see cref="Outer"/> (the executor's shutdown deadline, a durable job's stop) fires.
/// </summary>
/// <remarks>
/// <para>
/// One <see cref="CancellationTokenSource"/> serves execution after execution: <see cref="Start"/> re-arms its timer,
/// <see cref="End"/> resets it (<see cref="CancellationTokenSource.TryReset"/> stops the timer and drops the
/// registrations a hook left on the token). A timed source and a source linked to the outer token per execution
/// cost ~0.5 µs and ~400 B. The outer token cancels the source through one registration made when the source is
/// created, where a linked source registered anew per execution.
/// </para>
/// <para>
/// <see cref="CancellationTokenSource.TryReset"/> refuses a source that was cancelled (the hook timed out, or the
/// outer token fired), and one whose timer is not the system's (a test's fake <see cref="TimeProvider"/>: the
/// runtime can't rule out that such a timer is about to fire). That source is then disposed and the next execution
/// gets a new one, as every execution used to: a hook that timed out, and may still be running with its token,
/// never shares that token with a later execution.
/// </para>
/// <para>
/// A hook that completed hands its token on to the caller's next execution. A hook that keeps the token after it
/// returned (a fire-and-forget continuation) therefore sees a later execution's timeout or the shutdown deadline
/// on it; its registrations were dropped by the reset and never run again. Before, such a token was disposed and
/// never fired. The token is the execution's: it means nothing once the hook has returned.
/// </para>
/// </remarks>
internal sealed class BackgroundHookCancellation : IDisposable
{
    private static readonly Action<object?> CancelSource = static source => ((CancellationTokenSource)source!).Cancel();

    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private CancellationTokenSource? _source;
    private CancellationTokenRegistration _outerRegistration;

    public BackgroundHookCancellation(TimeSpan timeout, TimeProvider time, CancellationToken outer)
    {
        _timeout = timeout;
        _time = time;
        Outer = outer;
    }

    /// <summary>Cancels every execution it starts; when it fired, a cancelled execution counts as cancelled, not timed out.</summary>
    public CancellationToken Outer { get; }

    /// <summary>The source of the execution about to start, its timeout running.</summary>
    public CancellationTokenSource Start()
    {
        if (_source is { } source)
        {
            source.CancelAfter(_timeout);
            return source;
        }

        source = new CancellationTokenSource(_timeout, _time);
        if (Outer.CanBeCanceled)
        {
            // Runs at once when the outer token has already fired.
            _outerRegistration = Outer.UnsafeRegister(CancelSource, source);
        }

        return _source = source;
    }

    /// <summary>The execution <see cref="Start"/> began has ended: keeps its source for the next one if it can be reset.</summary>
    public void End()
    {
        if (_source is { } source && !source.TryReset())
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        // The registration first: disposing it waits for a cancellation it is running, which needs the source.
        _outerRegistration.Dispose();
        _outerRegistration = default;
        _source?.Dispose();
        _source = null;
    }
}
