using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Runs one background execution, wherever it was queued (in memory, or a durable queue's job): resolves the hook
/// by name and the owner by id when the item was restored from data, gives it a DI scope when it resolves
/// services, a token that fires at <see cref="AgnoHooksOptions.HookTimeout"/> or when the caller cancels, a span
/// linked to its run's, metrics and logs. A failure, timeout or cancellation is recorded and returned, never thrown.
/// Writes to the hook's copies, which are discarded, are warned of and counted.
/// </summary>
public sealed partial class BackgroundHookInvoker
{
    private readonly AgnoHooksOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly HookCatalog? _catalog;
    private readonly HookOwnerDirectory? _owners;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly BackgroundHookMetrics _metrics;
    private readonly IBackgroundHookObserver[] _observers;
    private readonly HashSet<string> _warnedWriters = new(StringComparer.Ordinal);

    public BackgroundHookInvoker(
        IOptions<AgnoHooksOptions> options,
        IServiceScopeFactory scopes,
        HookCatalog? catalog = null,
        HookOwnerDirectory? owners = null,
        ILogger<BackgroundHookInvoker>? logger = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null,
        IEnumerable<IBackgroundHookObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scopes);
        _options = options.Value;
        _scopes = scopes;
        _catalog = catalog;
        _owners = owners;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new BackgroundHookMetrics(meterFactory);
        _observers = observers?.ToArray() ?? [];
    }

    /// <summary>The per-execution timeout.</summary>
    public TimeSpan HookTimeout => _options.HookTimeout;

    /// <summary>
    /// Runs <paramref name="item"/> and reports how it ended. <paramref name="cancellationToken"/> cancels it
    /// (status <see cref="BackgroundHookStatus.Cancelled"/>): a host's shutdown deadline, say.
    /// </summary>
    public async Task<BackgroundHookResult> ExecuteAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var cancellation = CreateCancellation(cancellationToken);
        return await RunAsync(item, cancellation).ConfigureAwait(false);
    }

    /// <summary>The cancellation of executions run one after the other, which <paramref name="outer"/> cancels; see <see cref="RunAsync"/>.</summary>
    internal BackgroundHookCancellation CreateCancellation(CancellationToken outer) => new(_options.HookTimeout, _time, outer);

    /// <summary>
    /// <see cref="ExecuteAsync"/> for a caller that runs executions one after the other with one
    /// <paramref name="cancellation"/> (the executor: one per worker). When the hook completes synchronously, the
    /// hook's context is all it allocates: the cancellation is reused, and the record is a value, returned in a
    /// <see cref="ValueTask{TResult}"/> where a <see cref="Task{TResult}"/> would be a new object.
    /// </summary>
    /// <remarks>
    /// When the hook does not complete synchronously, the method's state lives in a box taken from a pool rather than
    /// allocated (~400 B less per asynchronous execution, measured with a hook that yields once): safe because each
    /// caller awaits the returned task exactly once, as a pooled one requires.
    /// </remarks>
    /// <param name="item">The execution.</param>
    /// <param name="cancellation">Its timeout and outer token.</param>
    /// <param name="counted">Told how it ended before any observer is, so an observer reading the caller's counts sees it counted.</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<BackgroundHookResult> RunAsync(BackgroundHookWorkItem item, BackgroundHookCancellation cancellation, Action<BackgroundHookStatus>? counted = null)
    {
        var startedAt = _time.GetUtcNow();
        var startTimestamp = _time.GetTimestamp();
        _metrics.Running.Add(1);
        using var activity = AgnoHooksTelemetry.StartBackgroundHook(item);
        var source = cancellation.Start();
        var token = source.Token;

        BackgroundHookStatus status;
        Exception? error = null;
        try
        {
            var hook = item.Hook ?? _catalog?.Find(item.HookName)
                ?? throw new InvalidOperationException($"Background hook '{item.HookName}' is not known here: register the assembly that declares it with services.AddAgnoHooksFrom<AgnoHooks>(), or attach it to an owner this application serves.");
            var owner = item.Owner ?? ResolveOwner(item, hook);

            // A hook that resolves nothing needs no scope: it then also runs while a container is being disposed.
            await using var scope = hook.NeedsServices ? CreateScope(item) : default(AsyncServiceScope?);
            var services = scope?.ServiceProvider ?? EmptyServiceProvider.Instance;
            var context = new HookContext(item.Stage, owner, item.Run, item.Input, item.Output, services, token) { Execution = item };
            var invocation = hook.Invoke(context);
            if (!invocation.IsCompletedSuccessfully)
            {
                var task = invocation.AsTask();
                try
                {
                    // A hook that ignores its token must not hold a worker past its timeout.
                    await task.WaitAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (source.IsCancellationRequested && !task.IsCompleted)
                {
                    ObserveLateFault(task);
                    throw;
                }
            }

            status = BackgroundHookStatus.Completed;
            WarnOfDiscardedWrites(item);
        }
        catch (OperationCanceledException) when (source.IsCancellationRequested)
        {
            // The timeout and the outer token cancel the same source: it timed out unless the outer token fired.
            status = cancellation.Outer.IsCancellationRequested ? BackgroundHookStatus.Cancelled : BackgroundHookStatus.TimedOut;
        }
        catch (Exception exception)
        {
            status = BackgroundHookStatus.Failed;
            error = exception;
        }
        finally
        {
            cancellation.End();
        }

        var duration = _time.GetElapsedTime(startTimestamp);
        _metrics.Running.Add(-1);
        counted?.Invoke(status);
        return Record(item, status, startedAt, duration, error, activity);
    }

    private IHookOwner ResolveOwner(BackgroundHookWorkItem item, HookDescriptor hook)
    {
        if (_owners?.Find(item.OwnerKind, item.OwnerId) is { } owner)
        {
            return owner;
        }

        // A hook that needs a particular kind of owner can't run on a stand-in.
        return hook.OwnerKind == HookOwnerKind.Any && hook.OwnerType is null
            ? new DetachedHookOwner(item.OwnerKind, item.OwnerId, item.OwnerName)
            : throw new InvalidOperationException($"Background hook '{item.HookName}' needs its owner, {item.OwnerKind} '{item.OwnerId}', which this application does not serve.");
    }

    private AsyncServiceScope CreateScope(BackgroundHookWorkItem item)
    {
        try
        {
            return _scopes.CreateAsyncScope();
        }
        catch (ObjectDisposedException exception)
        {
            throw new InvalidOperationException($"Hook '{item.HookName}' needs services, but the service provider was disposed before it ran. Stop the host (or the executor) before disposing the container, so background hooks drain while their services exist.", exception);
        }
    }

    private void WarnOfDiscardedWrites(BackgroundHookWorkItem item)
    {
        if (CopyWatch.Written(item.Watch, item.Run, item.Input, item.Output) is not { } members)
        {
            return;
        }

        foreach (var member in members)
        {
            _metrics.DiscardedWrites.Add(1, new(AgnoHooksTelemetry.HookNameTag, item.HookName), new("agno.hook.member", member));
        }

        bool first;
        lock (_warnedWriters)
        {
            first = _warnedWriters.Add(item.HookName);
        }

        if (first)
        {
            LogDiscardedWrites(item.HookName, string.Join(", ", members));
        }
    }

    private BackgroundHookResult Record(BackgroundHookWorkItem item, BackgroundHookStatus status, DateTimeOffset startedAt, TimeSpan duration, Exception? error, Activity? activity)
    {
        var hookTag = new KeyValuePair<string, object?>(AgnoHooksTelemetry.HookNameTag, item.HookName);
        switch (status)
        {
            case BackgroundHookStatus.Completed:
                _metrics.Completed.Add(1, hookTag);
                break;
            case BackgroundHookStatus.Failed:
                _metrics.Failed.Add(1, hookTag);
                LogFailed(error!, item.HookName, item.RunId, item.Attempt);
                break;
            case BackgroundHookStatus.TimedOut:
                _metrics.TimedOut.Add(1, hookTag);
                LogTimedOut(item.HookName, item.RunId, _options.HookTimeout);
                break;
            default:
                _metrics.Cancelled.Add(1, hookTag);
                LogCancelled(item.HookName, item.RunId);
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

        var execution = new BackgroundHookResult(item, status, startedAt, duration, error?.Message ?? (status == BackgroundHookStatus.Completed ? null : statusName), error);
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

        return execution;
    }

    internal static string StatusName(BackgroundHookStatus status) => status switch
    {
        BackgroundHookStatus.Completed => "completed",
        BackgroundHookStatus.Failed => "failed",
        BackgroundHookStatus.TimedOut => "timed_out",
        _ => "cancelled",
    };

    // A hook that outlived its timeout may still fault; observe it so it can't surface as an unobserved exception.
    private static void ObserveLateFault(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    [LoggerMessage(LogEvents.BackgroundHookFailed, LogLevel.Error, "Background hook '{HookName}' of run '{RunId}' failed (attempt {Attempt}).")]
    private partial void LogFailed(Exception exception, string hookName, string runId, int attempt);

    [LoggerMessage(LogEvents.BackgroundHookTimedOut, LogLevel.Warning, "Background hook '{HookName}' of run '{RunId}' timed out after {Timeout} and was cancelled.")]
    private partial void LogTimedOut(string hookName, string runId, TimeSpan timeout);

    [LoggerMessage(LogEvents.BackgroundHookCancelled, LogLevel.Warning, "Background hook '{HookName}' of run '{RunId}' was cancelled before it finished.")]
    private partial void LogCancelled(string hookName, string runId);

    [LoggerMessage(LogEvents.BackgroundHookObserverFailed, LogLevel.Warning, "Background hook observer '{Observer}' failed.")]
    private partial void LogObserverFailed(Exception exception, string observer);

    [LoggerMessage(LogEvents.BackgroundHookDiscardedWrites, LogLevel.Warning, "Background hook '{HookName}' wrote {Members}; the change was discarded because background hooks receive a copy. Make it inline (not RunInBackground, or a guardrail) to keep its changes, or stop writing.")]
    private partial void LogDiscardedWrites(string hookName, string members);
}
