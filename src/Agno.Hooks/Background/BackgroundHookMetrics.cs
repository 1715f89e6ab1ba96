using System.Diagnostics.Metrics;

namespace Agno.Hooks;

/// <summary>The executor's instruments, on the "Agno.Hooks" meter.</summary>
internal sealed class BackgroundHookMetrics : IDisposable
{
    private readonly Meter? _ownedMeter;

    public BackgroundHookMetrics(IMeterFactory? meterFactory, Func<int> queueLength)
    {
        var meter = meterFactory?.Create(AgnoHooksTelemetry.Name) ?? (_ownedMeter = new Meter(AgnoHooksTelemetry.Name));
        Queued = meter.CreateCounter<long>("agno.hooks.background.queued", "{execution}", "Background hook executions queued.");
        Running = meter.CreateUpDownCounter<long>("agno.hooks.background.running", "{execution}", "Background hook executions running now.");
        Completed = meter.CreateCounter<long>("agno.hooks.background.completed", "{execution}", "Background hook executions that completed.");
        Failed = meter.CreateCounter<long>("agno.hooks.background.failed", "{execution}", "Background hook executions that threw.");
        TimedOut = meter.CreateCounter<long>("agno.hooks.background.timed_out", "{execution}", "Background hook executions cancelled at their timeout.");
        Cancelled = meter.CreateCounter<long>("agno.hooks.background.cancelled", "{execution}", "Background hook executions cancelled at shutdown.");
        Rejected = meter.CreateCounter<long>("agno.hooks.background.rejected", "{execution}", "Background hook executions refused because the executor was stopping.");
        Duration = meter.CreateHistogram<double>("agno.hooks.background.duration", "s", "How long background hook executions ran.");
        meter.CreateObservableGauge("agno.hooks.background.queue_length", queueLength, "{execution}", "Background hook executions waiting.");
    }

    public Counter<long> Queued { get; }
    public UpDownCounter<long> Running { get; }
    public Counter<long> Completed { get; }
    public Counter<long> Failed { get; }
    public Counter<long> TimedOut { get; }
    public Counter<long> Cancelled { get; }
    public Counter<long> Rejected { get; }
    public Histogram<double> Duration { get; }

    public void Dispose() => _ownedMeter?.Dispose();
}
