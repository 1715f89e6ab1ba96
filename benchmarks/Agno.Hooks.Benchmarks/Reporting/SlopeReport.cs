using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Agno.Hooks.Benchmarks.Reporting;

/// <summary>
/// The cost per layer in a suite whose variants each stack <c>Layers</c> layers (<see cref="SlopeSuite"/>): for each variant,
/// (mean at many layers − mean at 1) / (many − 1) and the same for the bytes allocated per operation; the first layer's cost (0 → 1)
/// when the run has 0 layers; and how each variant's slope compares with its peer's. A slope is a difference of two cases,
/// not a column of one, so it is printed as a markdown table after the run (and written next to BenchmarkDotNet's reports)
/// rather than added to the summary table.
/// </summary>
public static class SlopeReport
{
    public const string LayersParameter = "Layers";
    private const int NoLayers = 0;
    private const int FewLayers = 1;

    /// <summary>Prints the table of each suite that has cases in a summary; the other summaries are left alone.</summary>
    public static void Print(IEnumerable<Summary> summaries, params SlopeSuite[] suites)
    {
        foreach (var summary in summaries)
        {
            foreach (var suite in suites)
            {
                var reports = summary.Reports.Where(r => r.BenchmarkCase.Descriptor.Type == suite.Type).ToList();
                if (reports.Count == 0)
                {
                    continue;
                }

                var markdown = Render(suite, reports);
                Console.WriteLine();
                Console.WriteLine(markdown);
                File.WriteAllText(Path.Combine(summary.ResultsDirectoryPath, $"{suite.Type.Name}-slopes.md"), markdown);
            }
        }
    }

    private static string Render(SlopeSuite suite, List<BenchmarkReport> reports)
    {
        var text = new StringBuilder();
        foreach (var job in reports.GroupBy(r => r.BenchmarkCase.Job.ResolvedId))
        {
            var many = suite.ManyLayers;
            var slopes = suite.Variants.Select(variant => variant.Method).Distinct().ToDictionary(method => method, method => SlopeOf(job, method, many));
            text.AppendLine(CultureInfo.InvariantCulture, $"## {suite.Type.Name}: cost per layer, {FewLayers} → {many} layers (job {job.Key})");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"| Variant | Mean, {FewLayers} layer | Mean, {many} layers | Per layer | Allocated per layer | First layer ({NoLayers} → {FewLayers}) | Allocated, first layer | Compared with | Per layer ÷ its | Allocated ÷ its |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|");
            foreach (var variant in suite.Variants)
            {
                var slope = slopes[variant.Method];
                var reference = variant.ComparedWith is { } peer ? slopes[peer] : default;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {DescriptionOf(job, variant.Method)} | {Nanoseconds(slope.FewMean, "N0")} | {Nanoseconds(slope.ManyMean, "N0")} | {Nanoseconds(slope.Nanoseconds, "N1")} | {Bytes(slope.Bytes)} | {Nanoseconds(slope.FirstNanoseconds, "N1")} | {Bytes(slope.FirstBytes)} | {(variant.ComparedWith is { } compared ? DescriptionOf(job, compared) : "")} | {(variant.ComparedWith is null ? "" : Ratio(slope.Nanoseconds, reference.Nanoseconds))} | {(variant.ComparedWith is null ? "" : Ratio(slope.Bytes, reference.Bytes))} |");
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Per layer = (value at {many} layers − value at {FewLayers}) / {many - FewLayers}; first layer = value at {FewLayers} − value at {NoLayers} (\"-\" without a {NoLayers}-layer case). A ratio is \"-\" when a case is missing or the compared slope is not above zero (noise or no allocation).");
            text.AppendLine();
        }

        return text.ToString();
    }

    private static Slope SlopeOf(IEnumerable<BenchmarkReport> reports, string variant, int manyLayers)
    {
        var none = Find(reports, variant, NoLayers);
        var few = Find(reports, variant, FewLayers);
        var many = Find(reports, variant, manyLayers);
        return new Slope(
            few?.ResultStatistics?.Mean,
            many?.ResultStatistics?.Mean,
            (many?.ResultStatistics?.Mean - few?.ResultStatistics?.Mean) / (manyLayers - FewLayers),
            (BytesOf(many) - BytesOf(few)) / (double)(manyLayers - FewLayers),
            few?.ResultStatistics?.Mean - none?.ResultStatistics?.Mean,
            BytesOf(few) - BytesOf(none));
    }

    private static long? BytesOf(BenchmarkReport? report) => report?.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);

    private static BenchmarkReport? Find(IEnumerable<BenchmarkReport> reports, string variant, int layers) =>
        reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == variant
            && r.BenchmarkCase.Parameters[LayersParameter] is int value && value == layers);

    private static string DescriptionOf(IEnumerable<BenchmarkReport> reports, string variant) =>
        reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == variant)?.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') ?? variant;

    private static string Nanoseconds(double? value, string format) => value is { } ns ? ns.ToString(format, CultureInfo.InvariantCulture) + " ns" : "-";

    private static string Bytes(double? value) => value is { } bytes ? bytes.ToString("N1", CultureInfo.InvariantCulture) + " B" : "-";

    private static string Ratio(double? value, double? reference) =>
        value is { } v && reference is > 0 ? (v / reference.Value).ToString("N3", CultureInfo.InvariantCulture) : "-";

    private readonly record struct Slope(double? FewMean, double? ManyMean, double? Nanoseconds, double? Bytes, double? FirstNanoseconds, double? FirstBytes);
}
