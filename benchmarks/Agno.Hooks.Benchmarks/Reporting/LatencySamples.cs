namespace Agno.Hooks.Benchmarks.Reporting;

/// <summary>Latencies recorded from any number of threads, up to a bound (the rest are dropped), and their percentiles.</summary>
internal sealed class LatencySamples
{
    private const int MaxSamples = 1_000_000;

    private readonly double[] _samples = new double[MaxSamples];
    private int _count;

    public void Add(double value)
    {
        var slot = Interlocked.Increment(ref _count) - 1;
        if (slot < MaxSamples)
        {
            _samples[slot] = value;
        }
        else
        {
            Interlocked.Decrement(ref _count);
        }
    }

    public double Percentile(double percentile)
    {
        var sorted = _samples.AsSpan(0, Volatile.Read(ref _count)).ToArray();
        Array.Sort(sorted);
        return SampleStore.Percentile(sorted, percentile);
    }
}
