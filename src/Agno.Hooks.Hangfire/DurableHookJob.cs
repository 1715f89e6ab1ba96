using System.Runtime.ExceptionServices;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.Hangfire;

/// <summary>
/// The one Hangfire job of durable hooks. Its argument is the serialized execution
/// (<see cref="BackgroundHookSerializer"/>), which names the hook and its owner; the job finds both by name and id
/// in this application (<see cref="BackgroundHookInvoker"/>), so renaming or moving a hook's class does not break
/// queued work as long as the hook keeps its name. Do not rename this type, its namespace, its assembly or
/// <see cref="RunAsync"/>: queued jobs refer to them.
/// </summary>
public sealed partial class DurableHookJob
{
    /// <summary>The job parameter that counts how many times an execution has started, crashes included.</summary>
    public const string AttemptParameter = "AgnoAttempt";

    private readonly BackgroundHookInvoker _invoker;
    private readonly BackgroundHookCounters _counters;
    private readonly ILogger _logger;

    internal DurableHookJob(BackgroundHookInvoker invoker, BackgroundHookCounters counters, ILogger<DurableHookJob> logger)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        _invoker = invoker;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>
    /// Runs one execution. Completes when the hook completed; throws what a failed hook threw, or a
    /// <see cref="TimeoutException"/>, so that Hangfire retries it and finally marks it Failed with that exception;
    /// throws <see cref="OperationCanceledException"/> when the instance stops, which leaves it queued.
    /// </summary>
    public async Task RunAsync(string execution, PerformContext? context, CancellationToken cancellationToken)
    {
        var item = BackgroundHookSerializer.Deserialize(execution);
        if (context is not null)
        {
            // Counted before the hook starts, so a run cut short by a crash counts too.
            var attempt = Math.Max(context.GetJobParameter<int>(AttemptParameter), item.Attempt - 1) + 1;
            context.SetJobParameter(AttemptParameter, attempt);
            item = item.WithAttempt(attempt);
        }

        _counters.Started();
        var result = await _invoker.ExecuteAsync(item, cancellationToken).ConfigureAwait(false);
        _counters.Finished(result.Status);
        switch (result.Status)
        {
            case BackgroundHookStatus.Completed:
                return;
            case BackgroundHookStatus.Failed when result.Exception is { } exception:
                ExceptionDispatchInfo.Throw(exception);
                return;
            case BackgroundHookStatus.TimedOut:
                throw new TimeoutException($"Background hook '{item.HookName}' of run '{item.RunId}' timed out after {_invoker.HookTimeout} and was cancelled.");
            case BackgroundHookStatus.Cancelled:
                LogLeftQueued(item.HookName, item.RunId, item.ExecutionId);
                throw new OperationCanceledException($"Background hook '{item.HookName}' of run '{item.RunId}' was cancelled: this instance is stopping; the execution stays queued.", cancellationToken);
            default:
                throw new InvalidOperationException($"Background hook '{item.HookName}' of run '{item.RunId}' ended as {result.StatusName}: {result.Error}");
        }
    }

    [LoggerMessage(LogEvents.LeftQueued, LogLevel.Information, "Background hook '{HookName}' of run '{RunId}' was cut short by the stop; execution '{ExecutionId}' stays queued and runs again.")]
    private partial void LogLeftQueued(string hookName, string runId, string executionId);
}
