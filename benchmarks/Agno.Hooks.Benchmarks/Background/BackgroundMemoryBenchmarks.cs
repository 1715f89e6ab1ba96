using Agno.Hooks.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Benchmarks.Background;

/// <summary>
/// The executor (default options) offered 1× or 10× its queue's capacity of hooks held at a gate. Goal:
/// memory stays flat at 10×: the producer waits (backpressure), nothing is dropped, the queue never grows.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class BackgroundMemoryBenchmarks
{
    private readonly CompletionCounter _counter = new();
    private ServiceProvider _services = null!;
    private BackgroundHookExecutor _executor = null!;
    private HookContext _context = null!;
    private long _retainedBytes;
    private int _peakQueueLength;

    [GlobalSetup]
    public void Setup() => (_services, _executor, _context) = ExecutorFixture.Create(_counter);

    [Params(1, 10)]
    public int OfferedTimesCapacity { get; set; }

    /// <summary>
    /// Offers N× the queue's capacity to hooks held at a gate. The producer must stall once the queue and
    /// the workers are full; what the heap holds then is measured, then the gate opens and all of it runs.
    /// </summary>
    [Benchmark(Description = "Offer N× capacity to held hooks, then drain")]
    public async Task OfferBeyondCapacity()
    {
        var options = new AgnoHooksOptions();
        var offered = OfferedTimesCapacity * options.QueueCapacity;
        BackgroundHooks.CloseGate();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var done = _counter.WaitForMore(offered);
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < offered; i++)
            {
                await _executor.EnqueueAsync(new BackgroundHookWorkItem(BackgroundHooks.GatedHook, _context));
            }
        });

        // Saturated: everything offered is in, or the queue is full and every worker holds a hook.
        var held = Math.Min(offered, options.QueueCapacity + options.MaxConcurrency);
        while (!producer.IsCompleted && Waiting(_executor.Statistics) + _executor.Statistics.Running < held)
        {
            await Task.Delay(1);
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        _retainedBytes = Math.Max(_retainedBytes, retained);
        _peakQueueLength = Math.Max(_peakQueueLength, (int)Waiting(_executor.Statistics));
        if (OfferedTimesCapacity > 1 && producer.IsCompleted)
        {
            throw new InvalidOperationException("The producer was never held back: no backpressure.");
        }

        BackgroundHooks.OpenGate();
        await producer;
        await done;
    }

    /// <summary>
    /// Executions queued and not yet taken by a worker, from the public counts (all since the executor was created):
    /// every queued one is waiting, running, finished or abandoned.
    /// </summary>
    private static long Waiting(BackgroundHookStatistics statistics) =>
        statistics.Queued - statistics.Running - statistics.Finished - statistics.Abandoned;

    [GlobalCleanup]
    public async Task Cleanup()
    {
        SampleStore.Write(SampleStore.Key(nameof(OfferBeyondCapacity), (nameof(OfferedTimesCapacity), OfferedTimesCapacity)),
        [
            new("retained_kb", _retainedBytes / 1024.0),
            new("peak_queue", _peakQueueLength),
        ]);
        await _executor.DisposeAsync();
        await _services.DisposeAsync();
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(
            new SampleColumn("Retained when full (KB)", "retained_kb", "N0"),
            new SampleColumn("Peak queue", "peak_queue", "N0"));
    }
}
