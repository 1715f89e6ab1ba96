using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Hangfire;

/// <summary>
/// Starts durable hooks with the host: reaches PostgreSQL and prepares the schema (or fails the start, naming the
/// server), then runs a Hangfire server of <see cref="DurableBackgroundHooksOptions.WorkerCount"/> workers on the
/// hooks' queue. On stop, no new execution starts; running ones get <see cref="DurableBackgroundHooksOptions.ShutdownGracePeriod"/>
/// to finish, then are cancelled and stay queued.
/// </summary>
internal sealed partial class DurableHookServer(
    DurableHookStorage storage,
    IServiceProvider services,
    IOptions<AgnoHooksOptions> hooksOptions,
    ILogger<DurableHookServer> logger) : IHostedService, IAsyncDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var jobStorage = storage.Storage;
        var options = storage.Options;
        if (!options.RunServer)
        {
            LogQueueOnly(options.Queue);
            return Task.CompletedTask;
        }

        var workers = options.WorkerCount ?? hooksOptions.Value.MaxConcurrency;
        var serverOptions = new BackgroundJobServerOptions
        {
            ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}",
            Queues = [options.Queue],
            WorkerCount = workers,
            StopTimeout = options.ShutdownGracePeriod,
            ShutdownTimeout = options.ShutdownGracePeriod + TimeSpan.FromSeconds(5),
            SchedulePollingInterval = options.SchedulePollingInterval,
            HeartbeatInterval = TimeSpan.FromSeconds(10),
            ServerCheckInterval = TimeSpan.FromSeconds(30),
            ServerTimeout = TimeSpan.FromMinutes(1),
            CancellationCheckInterval = TimeSpan.FromSeconds(5),
            FilterProvider = storage.Filters,
            Activator = new SingleJobActivator(new DurableHookJob(
                services.GetRequiredService<BackgroundHookInvoker>(),
                services.GetRequiredService<BackgroundHookCounters>(),
                services.GetRequiredService<ILogger<DurableHookJob>>())),
        };
        _server = new BackgroundJobServer(serverOptions, jobStorage);
        LogStarted(workers, options.Queue);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _server, null) is not { } server)
        {
            return;
        }

        server.SendStop();
        try
        {
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's deadline passed: what still runs is abandoned here and runs again elsewhere.
        }

        server.Dispose();
        LogStopped();
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(storage.Options.ShutdownGracePeriod + TimeSpan.FromSeconds(5));
        await StopAsync(deadline.Token).ConfigureAwait(false);
    }

    /// <summary>Hands Hangfire the one job object; it holds only singletons, so one serves every worker.</summary>
    private sealed class SingleJobActivator(DurableHookJob job) : JobActivator
    {
        public override object ActivateJob(Type jobType) =>
            jobType == typeof(DurableHookJob) ? job : throw new InvalidOperationException($"Durable background hooks run only {nameof(DurableHookJob)}, not {jobType}.");
    }

    [LoggerMessage(LogEvents.ServerStarted, LogLevel.Information, "Durable background hooks: {Workers} workers on queue '{Queue}'.")]
    private partial void LogStarted(int workers, string queue);

    [LoggerMessage(LogEvents.QueueOnly, LogLevel.Information, "Durable background hooks: this instance only queues work on '{Queue}' (RunServer is off).")]
    private partial void LogQueueOnly(string queue);

    [LoggerMessage(LogEvents.ServerStopped, LogLevel.Information, "Durable background hooks stopped; executions not finished stay queued.")]
    private partial void LogStopped();
}
