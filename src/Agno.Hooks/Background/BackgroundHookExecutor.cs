using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Runs background hooks off the caller's path: a bounded queue that makes producers wait when full,
/// a fixed number of workers, a timeout and a DI scope per execution. A hook's failure, timeout or
/// cancellation is logged and counted, never rethrown. On stop it refuses new work and drains what it
/// holds within the host's shutdown timeout.
/// </summary>
public sealed partial class BackgroundHookExecutor : IBackgroundHookQueue, IHostedService, IAsyncDisposable
{
    private readonly Channel<BackgroundHookWorkItem> _queue;
    private readonly AgnoHooksOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly BackgroundHookMetrics _metrics;
    private readonly IBackgroundHookObserver[] _observers;

    // Cancelled when the shutdown deadline passes: running hooks are cancelled, queued ones abandoned.
    private readonly CancellationTokenSource _shutdownDeadline = new();
    private readonly Lock _startLock = new();
    private Task? _workers;
    private int _stopping;

    private long _queued;
    private long _running;
    private long _completed;
    private long _failed;
    private long _timedOut;
    private long _cancelled;
    private long _rejected;
    private long _abandoned;

    public BackgroundHookExecutor(
        IOptions<AgnoHooksOptions> options,
        IServiceScopeFactory scopes,
        ILogger<BackgroundHookExecutor>? logger = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null,
        IEnumerable<IBackgroundHookObserver>? observers = null)
    {
        _options = options.Value;
        _scopes = scopes;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _observers = observers?.ToArray() ?? [];
        _queue = Channel.CreateBounded<BackgroundHookWorkItem>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = _options.MaxConcurrency == 1,
        });
        _metrics = new BackgroundHookMetrics(meterFactory, () => _queue.Reader.Count);
    }

    /// <summary>Counts since creation.</summary>
    public BackgroundHookStatistics Statistics => new(
        Interlocked.Read(ref _queued),
        Interlocked.Read(ref _running),
        Interlocked.Read(ref _completed),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _timedOut),
        Interlocked.Read(ref _cancelled),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _abandoned));

    /// <summary>Executions waiting for a worker.</summary>
    public int QueueLength => _queue.Reader.Count;

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

        Interlocked.Increment(ref _rejected);
        _metrics.Rejected.Add(1, new KeyValuePair<string, object?>(AgnoHooksTelemetry.HookNameTag, item.Hook.Name));
        LogRejected(item.Hook.Name, item.RunId);
        throw new InvalidOperationException($"The background hook executor is stopping: hook '{item.Hook.Name}' of run '{item.RunId}' was not queued.");
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
        var pending = _queue.Reader.Count + Interlocked.Read(ref _running);
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

        var abandoned = Interlocked.Read(ref _abandoned) + Interlocked.Read(ref _cancelled);
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
        Interlocked.Increment(ref _queued);
        _metrics.Queued.Add(1);
    }

    private async Task RunWorkerAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_shutdownDeadline.IsCancellationRequested)
            {
                Interlocked.Increment(ref _abandoned);
                LogAbandonedHook(item.Hook.Name, item.RunId);
                continue;
            }

            await ExecuteAsync(item).ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(BackgroundHookWorkItem item)
    {
        var startedAt = _time.GetUtcNow();
        var startTimestamp = _time.GetTimestamp();
        Interlocked.Increment(ref _running);
        _metrics.Running.Add(1);
        using var activity = AgnoHooksTelemetry.StartBackgroundHook(item);
        using var timeout = new CancellationTokenSource(_options.HookTimeout, _time);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _shutdownDeadline.Token);

        BackgroundHookStatus status;
        Exception? error = null;
        try
        {
            // A hook that resolves nothing needs no scope: it then also runs while a container is being disposed.
            await using var scope = item.Hook.NeedsServices ? CreateScope(item) : default(AsyncServiceScope?);
            var services = scope?.ServiceProvider ?? EmptyServiceProvider.Instance;
            var invocation = item.Hook.Invoke(item.Context.With(services, cancellation.Token));
            if (!invocation.IsCompletedSuccessfully)
            {
                var task = invocation.AsTask();
                try
                {
                    // A hook that ignores its token must not hold a worker past its timeout.
                    await task.WaitAsync(cancellation.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !task.IsCompleted)
                {
                    ObserveLateFault(task);
                    throw;
                }
            }

            status = BackgroundHookStatus.Completed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            status = timeout.IsCancellationRequested ? BackgroundHookStatus.TimedOut : BackgroundHookStatus.Cancelled;
        }
        catch (Exception exception)
        {
            status = BackgroundHookStatus.Failed;
            error = exception;
        }

        var duration = _time.GetElapsedTime(startTimestamp);
        Interlocked.Decrement(ref _running);
        _metrics.Running.Add(-1);
        Record(item, status, startedAt, duration, error, activity);
    }

    private AsyncServiceScope CreateScope(BackgroundHookWorkItem item)
    {
        try
        {
            return _scopes.CreateAsyncScope();
        }
        catch (ObjectDisposedException exception)
        {
            throw new InvalidOperationException($"Hook '{item.Hook.Name}' needs services, but the service provider was disposed before it ran. Stop the host (or the executor) before disposing the container, so background hooks drain while their services exist.", exception);
        }
    }

    private void Record(BackgroundHookWorkItem item, BackgroundHookStatus status, DateTimeOffset startedAt, TimeSpan duration, Exception? error, Activity? activity)
    {
        var hookTag = new KeyValuePair<string, object?>(AgnoHooksTelemetry.HookNameTag, item.Hook.Name);
        switch (status)
        {
            case BackgroundHookStatus.Completed:
                Interlocked.Increment(ref _completed);
                _metrics.Completed.Add(1, hookTag);
                break;
            case BackgroundHookStatus.Failed:
                Interlocked.Increment(ref _failed);
                _metrics.Failed.Add(1, hookTag);
                LogFailed(error!, item.Hook.Name, item.RunId);
                break;
            case BackgroundHookStatus.TimedOut:
                Interlocked.Increment(ref _timedOut);
                _metrics.TimedOut.Add(1, hookTag);
                LogTimedOut(item.Hook.Name, item.RunId, _options.HookTimeout);
                break;
            default:
                Interlocked.Increment(ref _cancelled);
                _metrics.Cancelled.Add(1, hookTag);
                LogCancelled(item.Hook.Name, item.RunId);
                break;
        }

        var statusName = StatusName(status);
        _metrics.Duration.Record(duration.TotalSeconds, hookTag, new KeyValuePair<string, object?>(AgnoHooksTelemetry.HookStatusTag, statusName));
        if (activity is not null)
        {
            activity.SetTag(AgnoHooksTelemetry.HookStatusTag, statusName);
            activity.SetStatus(status == BackgroundHookStatus.Completed ? ActivityStatusCode.Ok : ActivityStatusCode.Error, error?.Message ?? (status == BackgroundHookStatus.Completed ? null : statusName));

            // Ended before observers hear of the execution, so whoever they tell sees a finished span.
            activity.Stop();
        }

        if (_observers.Length == 0)
        {
            return;
        }

        var execution = new BackgroundHookExecution(item.Hook.Name, item.RunId, status, startedAt, duration, error?.Message ?? (status == BackgroundHookStatus.Completed ? null : statusName));
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnExecuted(execution);
            }
            catch (Exception exception)
            {
                LogObserverFailed(exception, observer.GetType().Name);
            }
        }
    }

    private static string StatusName(BackgroundHookStatus status) => status switch
    {
        BackgroundHookStatus.Completed => "completed",
        BackgroundHookStatus.Failed => "failed",
        BackgroundHookStatus.TimedOut => "timed_out",
        _ => "cancelled",
    };

    // A hook that outlived its timeout may still fault; observe it so it can't surface as an unobserved exception.
    private static void ObserveLateFault(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    [LoggerMessage(1, LogLevel.Error, "Background hook '{HookName}' of run '{RunId}' failed.")]
    private partial void LogFailed(Exception exception, string hookName, string runId);

    [LoggerMessage(2, LogLevel.Warning, "Background hook '{HookName}' of run '{RunId}' timed out after {Timeout} and was cancelled.")]
    private partial void LogTimedOut(string hookName, string runId, TimeSpan timeout);

    [LoggerMessage(3, LogLevel.Warning, "Background hook '{HookName}' of run '{RunId}' was cancelled because the shutdown deadline passed.")]
    private partial void LogCancelled(string hookName, string runId);

    [LoggerMessage(4, LogLevel.Warning, "Background hook '{HookName}' of run '{RunId}' was not run: the shutdown deadline passed while it was queued.")]
    private partial void LogAbandonedHook(string hookName, string runId);

    [LoggerMessage(5, LogLevel.Error, "Background hook '{HookName}' of run '{RunId}' was refused: the executor is stopping.")]
    private partial void LogRejected(string hookName, string runId);

    [LoggerMessage(6, LogLevel.Information, "Draining {Count} background hook executions before shutdown.")]
    private partial void LogDraining(long count);

    [LoggerMessage(7, LogLevel.Error, "{Count} background hook executions were abandoned at shutdown.")]
    private partial void LogAbandoned(long count);

    [LoggerMessage(8, LogLevel.Information, "Background hook executor stopped; {Count} executions finished, none abandoned.")]
    private partial void LogDrained(long count);

    [LoggerMessage(9, LogLevel.Warning, "Background hook observer '{Observer}' failed.")]
    private partial void LogObserverFailed(Exception exception, string observer);
}
