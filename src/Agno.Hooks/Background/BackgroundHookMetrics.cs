using System.Diagnostics.Metrics;

namespace Agno.Hooks;

/// <summary>The instruments of background executions, on the "Agno.Hooks" meter.</summary>
internal sealed class BackgroundHookMetrics : IDisposable
{
    private readonly Meter? _ownedMeter;

    public BackgroundHookMetrics(IMeterFactory? meterFactory)
    {
        Meter = meterFactory?.Create(AgnoHooksTelemetry.Name) ?? (_ownedMeter = new Meter(AgnoHooksTelemetry.Name));
        Queued = Meter.CreateCounter<long>("agno.hooks.background.queued", "{execution}", "Background hook executions queued.");
        Running = Meter.CreateUpDownCounter<long>("agno.hooks.background.running", "{execution}", "Background hook executions running now.");
        Completed = Meter.CreateCounter<long>("agno.hooks.background.completed", "{execution}", "Background hook executions that completed.");
        Failed = Meter.CreateCounter<long>("agno.hooks.background.failed", "{execution}", "Background hook executions that threw.");
        TimedOut = Meter.CreateCounter<long>("agno.hooks.background.timed_out", "{execution}", "Background hook executions cancelled at their timeout.");
        Cancelled = Meter.CreateCounter<long>("agno.hooks.background.cancelled", "{execution}", "Background hook executions cancelled before they finished (a shutdown deadline).");
        Refused = Meter.CreateCounter<long>("agno.hooks.background.refused", "{execution}", "Background hook executions refused because the executor was stopping.");
        DiscardedWrites = Meter.CreateCounter<long>("agno.hooks.background.discarded_writes", "{write}", "Writes background hooks made to their copies, which are discarded.");
        Duration = Meter.CreateHistogram<double>("agno.hooks.background.duration", "s", "How long background hook executions ran.");
    }

    public Meter Meter { get; }
    public Counter<long> Queued { get; }
    public UpDownCounter<long> Running { get; }
    public Counter<long> Completed { get; }
    public Counter<long> Failed { get; }
    public Counter<long> TimedOut { get; }
    public Counter<long> Cancelled { get; }
    public Counter<long> Refused { get; }
    public Counter<long> DiscardedWrites { get; }
    public Histogram<double> Duration { get; }

    public void Dispose() => _ownedMeter?.Dispose();
}
