using System.Diagnostics.Metrics;
using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.Hangfire;

/// <summary>
/// The durable <see cref="IBackgroundHookQueue"/>: each execution becomes a Hangfire job in PostgreSQL, committed
/// before <see cref="EnqueueAsync"/> returns (AgentOS calls it after the response, before the request handler
/// ends), and run by any instance's server.
/// </summary>
public sealed partial class DurableBackgroundHookQueue : IBackgroundHookQueue, IBackgroundHookStatistics
{
    private static readonly MethodInfo RunMethod = typeof(DurableHookJob).GetMethod(nameof(DurableHookJob.RunAsync))!;

    private readonly DurableHookStorage _storage;
    private readonly BackgroundHookCounters _counters;
    private readonly ILogger _logger;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _enqueueDuration;
    private readonly TimeProvider _time;
    private BackgroundJobClient? _client;

    internal DurableBackgroundHookQueue(DurableHookStorage storage, BackgroundHookCounters counters, ILogger<DurableBackgroundHookQueue> logger, IMeterFactory? meterFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        _counters = counters;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        var meter = meterFactory?.Create(AgnoHooksTelemetry.Name) ?? new Meter(AgnoHooksTelemetry.Name);
        _queued = meter.CreateCounter<long>("agno.hooks.background.queued", "{execution}", "Background hook executions queued.");
        _refused = meter.CreateCounter<long>("agno.hooks.background.refused", "{execution}", "Background hook executions refused because the executor was stopping.");
        _enqueueDuration = meter.CreateHistogram<double>("agno.hooks.background.enqueue.duration", "s", "How long writing a durable background hook execution to its store took.");
    }

    /// <summary>Executions queued from this process and attempts run in it (not the whole cluster's: see the dashboard).</summary>
    public BackgroundHookStatistics Statistics => _counters.Statistics;

    /// <summary>Writes <paramref name="item"/> as a job in the queue; returns its Hangfire job id.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL did not take it; logged and counted as refused.</exception>
    public string Enqueue(BackgroundHookWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var started = _time.GetTimestamp();
        var hookTag = new KeyValuePair<string, object?>("agno.hook.name", item.HookName);
        try
        {
            var client = _client ??= new BackgroundJobClient(_storage.Storage, _storage.Filters);
            var queue = _storage.Options.Queue;
            var job = new Job(typeof(DurableHookJob), RunMethod, [BackgroundHookSerializer.Serialize(item), null, CancellationToken.None], queue);
            // No job parameters: each is one more round trip, and the execution (its id, hook and run) is the argument.
            var id = client.Create(job, new EnqueuedState(queue));
            _queued.Add(1, hookTag);
            _counters.Queued();
            _enqueueDuration.Record(_time.GetElapsedTime(started).TotalSeconds, hookTag);
            return id;
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            _refused.Add(1, hookTag);
            _counters.Refused();
            LogNotQueued(exception, item.HookName, item.RunId);
            throw new InvalidOperationException($"Background hook '{item.HookName}' of run '{item.RunId}' could not be queued in PostgreSQL: {exception.Message}", exception);
        }
    }

    /// <inheritdoc/>
    public ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Hangfire's client is synchronous: a couple of round trips to PostgreSQL, after the response.
        Enqueue(item);
        return default;
    }

    [LoggerMessage(LogEvents.NotQueued, LogLevel.Error, "Background hook '{HookName}' of run '{RunId}' could not be queued in PostgreSQL; it will not run.")]
    private partial void LogNotQueued(Exception exception, string hookName, string runId);
}
