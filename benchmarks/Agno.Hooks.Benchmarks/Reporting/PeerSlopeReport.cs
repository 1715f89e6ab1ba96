using System.Globalization;
using System.Text;
using Agno.Hooks.Benchmarks.Peers;
using BenchmarkDotNet.Reports;

namespace Agno.Hooks.Benchmarks.Reporting;

/// <summary>
/// The per-layer cost in <see cref="PeerBenchmarks"/>: for each layered variant, (mean at 20 layers − mean at 1) / 19
/// and the same for the bytes allocated per run, and how the Agno variants' per-hook cost compares with one Agent
/// Framework run middleware. A slope is a difference of two cases, not a column of one, so it is printed as a markdown
/// table after the run (and written next to BenchmarkDotNet's reports) rather than added to the summary table.
/// </summary>
public static class PeerSlopeReport
{
    private const int FewLayers = 1;
    private const int ManyLayers = 20;
    private const string ReferenceVariant = nameof(PeerBenchmarks.AgentFrameworkRunMiddleware);
    private const string FileName = "PeerBenchmarks-slopes.md";

    private static readonly string[] LayeredVariants =
    [
        nameof(PeerBenchmarks.AgnoHooksOnAgent),
        nameof(PeerBenchmarks.AgnoHooksOnChatClientAgent),
        nameof(PeerBenchmarks.AgentFrameworkRunMiddleware),
        nameof(PeerBenchmarks.ChatClientMiddleware),
    ];

    /// <summary>The variants whose slope is compared with <see cref="ReferenceVariant"/>'s.</summary>
    private static readonly string[] AgnoVariants =
    [
        nameof(PeerBenchmarks.AgnoHooksOnAgent),
        nameof(PeerBenchmarks.AgnoHooksOnChatClientAgent),
    ];

    /// <summary>Prints the table for every summary that has <see cref="PeerBenchmarks"/> cases; the others are left alone.</summary>
    public static void Print(IEnumerable<Summary> summaries)
    {
        foreach (var summary in summaries)
        {
            var reports = summary.Reports.Where(r => r.BenchmarkCase.Descriptor.Type == typeof(PeerBenchmarks)).ToList();
            if (reports.Count == 0)
            {
                continue;
            }

            var markdown = Render(reports);
            Console.WriteLine();
            Console.WriteLine(markdown);
            File.WriteAllText(Path.Combine(summary.ResultsDirectoryPath, FileName), markdown);
        }
    }

    private static string Render(List<BenchmarkReport> reports)
    {
        var text = new StringBuilder();
        foreach (var job in reports.GroupBy(r => r.BenchmarkCase.Job.ResolvedId))
        {
            var slopes = LayeredVariants.Select(variant => (Variant: variant, Slope: SlopeOf(job, variant))).ToList();
            var reference = slopes.Single(s => s.Variant == ReferenceVariant).Slope;
            text.AppendLine(CultureInfo.InvariantCulture, $"## PeerBenchmarks: cost per layer, {FewLayers} → {ManyLayers} layers (job {job.Key})");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"| Variant | Mean, {FewLayers} layer | Mean, {ManyLayers} layers | Per layer | Allocated per layer | Per layer ÷ MAF run middleware's | Allocated ÷ MAF's |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (variant, slope) in slopes)
            {
                var compared = AgnoVariants.Contains(variant);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {DescriptionOf(job, variant)} | {Nanoseconds(slope.FewMean, "N0")} | {Nanoseconds(slope.ManyMean, "N0")} | {Nanoseconds(slope.Nanoseconds, "N1")} | {Bytes(slope.Bytes)} | {(compared ? Ratio(slope.Nanoseconds, reference.Nanoseconds) : "")} | {(compared ? Ratio(slope.Bytes, reference.Bytes) : "")} |");
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Per layer = (value at {ManyLayers} layers − value at {FewLayers}) / {ManyLayers - FewLayers}. A ratio is \"-\" when a case is missing or MAF's slope is not above zero (noise or no allocation).");
            text.AppendLine();
        }

        return text.ToString();
    }

    private static Slope SlopeOf(IEnumerable<BenchmarkReport> reports, string variant)
    {
        var few = Find(reports, variant, FewLayers);
        var many = Find(reports, variant, ManyLayers);
        var fewBytes = few?.GcStats.GetBytesAllocatedPerOperation(few.BenchmarkCase);
        var manyBytes = many?.GcStats.GetBytesAllocatedPerOperation(many.BenchmarkCase);
        return new Slope(
            few?.ResultStatistics?.Mean,
            many?.ResultStatistics?.Mean,
            (many?.ResultStatistics?.Mean - few?.ResultStatistics?.Mean) / (ManyLayers - FewLayers),
            (manyBytes - fewBytes) / (double)(ManyLayers - FewLayers));
    }

    private static BenchmarkReport? Find(IEnumerable<BenchmarkReport> reports, string variant, int layers) =>
        reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == variant
            && r.BenchmarkCase.Parameters[nameof(PeerBenchmarks.Layers)] is int value && value == layers);

    private static string DescriptionOf(IEnumerable<BenchmarkReport> reports, string variant) =>
        reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == variant)?.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') ?? variant;

    private static string Nanoseconds(double? value, string format) => value is { } ns ? ns.ToString(format, CultureInfo.InvariantCulture) + " ns" : "-";

    private static string Bytes(double? value) => value is { } bytes ? bytes.ToString("N1", CultureInfo.InvariantCulture) + " B" : "-";

    private static string Ratio(double? value, double? reference) =>
        value is { } v && reference is > 0 ? (v / reference.Value).ToString("N2", CultureInfo.InvariantCulture) : "-";

    private readonly record struct Slope(double? FewMean, double? ManyMean, double? Nanoseconds, double? Bytes);
}
