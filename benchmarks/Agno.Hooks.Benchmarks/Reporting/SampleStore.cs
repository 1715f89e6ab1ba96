using System.Globalization;

namespace Agno.Hooks.Benchmarks.Reporting;

/// <summary>
/// Figures a benchmark measures itself (per-request latency percentiles, queue depth, retained memory),
/// which BenchmarkDotNet's per-operation statistics can't express. The benchmark process writes them to
/// one small file per case; <see cref="SampleColumn"/> reads them back in the host for the summary table.
/// The host names the directory in <see cref="DirectoryVariable"/>, which benchmark processes inherit.
/// </summary>
public static class SampleStore
{
    public const string DirectoryVariable = "AGNO_HOOKS_BENCH_SAMPLES";

    public static string Directory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } directory
            ? directory
            : Path.Combine(Path.GetTempPath(), "agno-hooks-bench-samples");

    /// <summary>The case's key: the benchmark method and its parameter values, in name order.</summary>
    public static string Key(string method, params (string Name, object Value)[] parameters) =>
        method + string.Concat(parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"_{p.Name}-{p.Value}"));

    public static void Write(string key, IEnumerable<KeyValuePair<string, double>> figures)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllLines(Path.Combine(Directory, key + ".txt"), figures.Select(f => $"{f.Key}={f.Value.ToString("R", CultureInfo.InvariantCulture)}"));
    }

    public static double? Read(string key, string figure)
    {
        var path = Path.Combine(Directory, key + ".txt");
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var separator = line.IndexOf('=');
            if (separator > 0 && line.AsSpan(0, separator).SequenceEqual(figure))
            {
                return double.Parse(line.AsSpan(separator + 1), CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The value at <paramref name="percentile"/> (0–100) of sorted samples, nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
