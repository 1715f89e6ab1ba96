using System.Diagnostics;
using Agno.Hooks.Benchmarks.Background;
using Agno.Hooks.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.Benchmarks.Durable;

/// <summary>
/// The durable queue (Hangfire on PostgreSQL) against the in-memory executor, each as <c>AddAgnoHooks</c> and
/// <c>AddDurableBackgroundHooks</c> set them up with default options (2 workers here): the latency of each
/// <c>EnqueueAsync</c> (for the durable queue, the job committed in PostgreSQL), and no-op hooks queued to done.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class DurableQueueBenchmarks
{
    private const int Batch = 200;
    private const int MaxSamples = 1_000_000;

    private readonly CompletionCounter _counter = new();
    private readonly double[] _latencies = new double[MaxSamples];
    private int _latencyCount;
    private IHost _host = null!;
    private IBackgroundHookQueue _queue = null!;
    private HookContext _context = null!;

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.DurableQueues))]
    public QueueKind Queue { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IBackgroundHookObserver>(_counter);
        builder.Services.AddAgnoHooksFrom<AgnoHooks>();
        var hooks = builder.Services.AddAgnoHooks();
        if (Queue != QueueKind.InMemory)
        {
            var schema = DurablePostgres.NewSchema();
            hooks.AddDurableBackgroundHooks(d =>
            {
                d.UsePostgreSql(DurablePostgres.ConnectionString);
                d.SchemaName = schema;
                d.EnableDashboard = false;
                d.SynchronousCommit = Queue == QueueKind.Durable;
            });
        }

        _host = builder.Build();
        await _host.StartAsync();
        _queue = _host.Services.GetRequiredService<IBackgroundHookQueue>();
        _context = new HookContext(HookStage.Pre, new Agent("bench-agent") { Model = new OfflineChatClient() }, new RunContext("run-1", "session-1"), new RunInput("Hello, hooks"), null, _host.Services, CancellationToken.None);

        // Connections opened and paths jitted before anything is recorded.
        var done = _counter.WaitForMore(20);
        for (var i = 0; i < 20; i++)
        {
            await _queue.EnqueueAsync(new BackgroundHookWorkItem(BackgroundHooks.NoopHook, _context));
        }

        await done;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "EnqueueAsync, each timed (per call)")]
    public async Task Enqueue()
    {
        var done = _counter.WaitForMore(Batch);
        for (var i = 0; i < Batch; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await _queue.EnqueueAsync(new BackgroundHookWorkItem(BackgroundHooks.NoopHook, _context));
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (_latencyCount < MaxSamples)
            {
                _latencies[_latencyCount++] = elapsed;
            }
        }

        // Not part of the enqueue figures, but the queue must be empty before the next iteration.
        await done;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "No-op hooks, queued to done (per hook)")]
    public async Task Throughput()
    {
        var done = _counter.WaitForMore(Batch);
        for (var i = 0; i < Batch; i++)
        {
            await _queue.EnqueueAsync(new BackgroundHookWorkItem(BackgroundHooks.NoopHook, _context));
        }

        await done;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_latencyCount > 0)
        {
            var sorted = _latencies.AsSpan(0, _latencyCount).ToArray();
            Array.Sort(sorted);
            SampleStore.Write(SampleStore.Key(nameof(Enqueue), (nameof(Queue), Queue)),
            [
                new("p50_us", SampleStore.Percentile(sorted, 50)),
                new("p99_us", SampleStore.Percentile(sorted, 99)),
            ]);
        }

        await _host.StopAsync();
        _host.Dispose();
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(
            new SampleColumn("Enqueue p50 (µs)", "p50_us", "N1"),
            new SampleColumn("Enqueue p99 (µs)", "p99_us", "N1"));
    }
}
