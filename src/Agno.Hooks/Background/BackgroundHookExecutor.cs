using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// The default <see cref="IBackgroundHookQueue"/>: runs background hooks in this process, off the caller's path.
/// A bounded queue that makes producers wait when full, a fixed number of workers, each execution run by the
/// <see cref="BackgroundHookInvoker"/> (timeout, DI scope, logs, metrics). On stop it refuses new work and
/// drains what it holds within the host's shutdown timeout. Work still queued when the process dies is lost:
/// a durable queue (Agno.Hooks.Hangfire) keeps it.
/// </summary>
public sealed partial class BackgroundHookExecutor : IBackgroundHookQueue, IBackgroundHookStatistics, IHostedService, IAsyncDisposable, IDisposable
{
    // After the drain deadline, how long a synchronous Dispose still waits for the workers: a cancelled hook ends at
    // once (the invoker stops waiting for it), so only a hook blocked in synchronous code ignoring its token is left.
    // Generous, so that a loaded machine still sees them finish and count what they cancelled and abandoned.
    private static readonly TimeSpan CancelledWorkersWait = TimeSpan.FromSeconds(2);

    private readonly Channel<BackgroundHookWorkItem> _queue;
    private readonly AgnoHooksOptions _options;
    private readonly BackgroundHookInvoker _invoker;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly BackgroundHookMetrics _metrics;

    // Cancelled when the shutdown deadline passes: running hooks are cancelled, queued ones abandoned.
    private readonly CancellationTokenSource _shutdownDeadline = new();
    private readonly Lock _startLock = new();
    private Task? _workers;
    private int _stopping;

    private readonly BackgroundHookCounters _counts = new();

    /// <summary>An executor with an invoker of its own, for use without DI.</summary>
    public BackgroundHookExecutor(
        IOptions<AgnoHooksOptions> options,
        IServiceScopeFactory scopes,
        ILogger<BackgroundHookExecutor>? logger = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null,
        IEnumerable<IBackgroundHookObserver>? observers = null)
        : this(new BackgroundHookInvoker(options, scopes, timeProvider: timeProvider, meterFactory: meterFactory, observers: observers), options, logger, timeProvider, meterFactory)
    {
    }

    /// <summary>An executor that runs its work through <paramref name="invoker"/>: the one DI registers, sharing the container's.</summary>
    internal BackgroundHookExecutor(
        BackgroundHookInvoker invoker,
        IOptions<AgnoHooksOptions> options,
        ILogger<BackgroundHookExecutor>? logger,
        TimeProvider? timeProvider,
        IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(options);
        _invoker = invoker;
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _queue = Channel.CreateBounded<BackgroundHookWorkItem>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = _options.MaxConcurrency == 1,
        });
        _metrics = new BackgroundHookMetrics(meterFactory);
        _metrics.Meter.CreateObservableGauge("agno.hooks.background.queue_length", () => _queue.Reader.Count, "{execution}", "Background hook executions waiting.");
    }

    /// <summary>Counts since creation.</summary>
    public BackgroundHookStatistics Statistics => _counts.Statistics;

    /// <summary>Executions waiting for a worker.</summary>
    internal int QueueLength => _queue.Reader.Count;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The executor is stopping; the refusal is logged and counted.</exception>
    public async ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        _ = EnsureStarted();
        if (Volatile.Read(ref _stopping) == 0)
        {
            if (_queue.Writer.TryWrite(item))
            {
                CountQueued();
                return;
            }

            try
            {
                // Full: wait for room rather than drop anything.
                await _queue.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
                CountQueued();
                return;
            }
            catch (ChannelClosedException)
            {
                // Stopping began while we waited; refused below.
            }
        }

        _counts.Refused();
        _metrics.Refused.Add(1, new KeyValuePair<string, object?>(AgnoHooksTelemetry.HookNameTag, item.HookName));
        LogRefused(item.HookName, item.RunId);
        throw new InvalidOperationException($"The background hook executor is stopping: hook '{item.HookName}' of run '{item.RunId}' was not queued.");
    }

    /// <summary>Starts the workers. Queuing starts them too, so a host is optional.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = EnsureStarted();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Refuses new work, then waits for queued and running hooks until <paramref name="cancellationToken"/>
    /// (the host's shutdown timeout) fires; then cancels what still runs and logs how many were abandoned.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            if (_workers is { } running)
            {
                await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        _queue.Writer.TryComplete();
        var workers = EnsureStarted();
        var pending = _queue.Reader.Count + _counts.Running;
        if (pending > 0)
        {
            LogDraining(pending);
        }

        try
        {
            await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The deadline passed: cancel running hooks; workers then count the queued rest as abandoned.
            await _shutdownDeadline.CancelAsync().ConfigureAwait(false);
            await workers.ConfigureAwait(false);
        }

        var statistics = _counts.Statistics;
        var abandoned = statistics.Abandoned + statistics.Cancelled;
        if (abandoned > 0)
        {
            LogAbandoned(abandoned);
        }
        else
        {
            LogDrained(Statistics.Finished);
        }
    }

    /// <summary>Without a host: drains within <see cref="AgnoHooksOptions.DrainTimeout"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var deadline = new CancellationTokenSource(_options.DrainTimeout, _time))
        {
            await StopAsync(deadline.Token).ConfigureAwait(false);
        }

        _shutdownDeadline.Dispose();
        _metrics.Dispose();
    }

    /// <summary>
    /// Without a host, for a container disposed synchronously (<c>using var provider = ...</c>): refuses new work and
    /// drains as <see cref="DisposeAsync"/> does, blocking the caller: queued and running hooks get
    /// <see cref="AgnoHooksOptions.DrainTimeout"/>, then running ones are cancelled and the queued rest abandoned,
    /// each counted and logged. It returns by then, or a few seconds later at most: a hook that blocks in synchronous
    /// code and ignores its token is left running (and logged), not waited for.
    /// </summary>
    public void Dispose()
    {
        bool stopped;
        using (var deadline = new CancellationTokenSource(_options.DrainTimeout, _time))
        {
            // The workers run on the thread pool and nothing here captures a synchronization context: blocking can't deadlock.
            var stop = StopAsync(deadline.Token);
            stopped = stop.Wait(TimeSpan.FromMilliseconds(Math.Min((_options.DrainTimeout + CancelledWorkersWait).TotalMilliseconds, int.MaxValue)));
            if (!stopped)
            {
                // The drain deadline's timer may not have fired (another TimeProvider): cancel as it would have.
                _shutdownDeadline.Cancel();
                stopped = stop.Wait(CancelledWorkersWait);
            }
        }

        if (!stopped)
        {
            // A worker is still in a hook: it may still touch the deadline's token and the meters, so they stay.
            LogLeftRunning(_counts.Running);
            return;
        }

        _shutdownDeadline.Dispose();
        _metrics.Dispose();
    }

    private Task EnsureStarted()
    {
        if (_workers is { } workers)
        {
            return workers;
        }

        lock (_startLock)
        {
            if (_workers is null)
            {
                // Workers must not inherit the caller's ambient span or other async-locals.
                using (ExecutionContext.SuppressFlow())
                {
                    var loops = new Task[_options.MaxConcurrency];
                    for (var i = 0; i < loops.Length; i++)
                    {
                        loops[i] = Task.Run(RunWorkerAsync);
                    }

                    _workers = Task.WhenAll(loops);
                }
            }

            return _workers;
        }
    }

    private void CountQueued()
    {
        _counts.Queued();
        _metrics.Queued.Add(1);
    }

    private async Task RunWorkerAsync()
    {
        // One cancellation per worker, reused from execution to execution (timeout re-armed, shutdown deadline
        // registered once), and the invoker's allocation-free path: see BackgroundHookCancellation.
        using var cancellation = _invoker.CreateCancellation(_shutdownDeadline.Token);
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_shutdownDeadline.IsCancellationRequested)
            {
                _counts.Abandoned();
                LogAbandonedHook(item.HookName, item.RunId);
                continue;
            }

            _counts.Started();
            await _invoker.RunAsync(item, cancellation, _counts.Finished).ConfigureAwait(false);
        }
    }

    [LoggerMessage(LogEvents.BackgroundHookAbandoned, LogLevel.Warning, "Background hook '{HookName}' of run '{RunId}' was not run: the shutdown deadline passed while it was queued.")]
    private partial void LogAbandonedHook(string hookName, string runId);

    [LoggerMessage(LogEvents.BackgroundHookRefused, LogLevel.Error, "Background hook '{HookName}' of run '{RunId}' was refused: the executor is stopping.")]
    private partial void LogRefused(string hookName, string runId);

    [LoggerMessage(LogEvents.ExecutorDraining, LogLevel.Information, "Draining {Count} background hook executions before shutdown.")]
    private partial void LogDraining(long count);

    [LoggerMessage(LogEvents.ExecutorAbandonedWork, LogLevel.Error, "{Count} background hook executions were abandoned at shutdown.")]
    private partial void LogAbandoned(long count);

    [LoggerMessage(LogEvents.ExecutorDrained, LogLevel.Information, "Background hook executor stopped; {Count} executions finished, none abandoned.")]
    private partial void LogDrained(long count);

    [LoggerMessage(LogEvents.ExecutorLeftRunning, LogLevel.Error, "The background hook executor was disposed with {Count} hook executions still running: they ignore their cancellation and block their worker.")]
    private partial void LogLeftRunning(long count);
}
