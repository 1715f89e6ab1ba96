using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Agno.Hooks.Benchmarks.Reporting;

/// <summary>A summary column showing one figure a benchmark wrote to the <see cref="SampleStore"/>.</summary>
/// <param name="header">The column's header.</param>
/// <param name="figure">The figure's name in the case's file.</param>
/// <param name="format">How to print it.</param>
/// <param name="relativeTo">When set, the figure is divided by the same figure of the case with these parameter values instead.</param>
public sealed class SampleColumn(string header, string figure, string format, params (string Name, object Value)[] relativeTo) : IColumn
{
    public string Id => nameof(SampleColumn) + "." + header;

    public string ColumnName => header;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => relativeTo.Length == 0
        ? $"{header}: measured by the benchmark itself ({figure})"
        : $"{header}: {figure} divided by the same figure with {string.Join(", ", relativeTo.Select(p => $"{p.Name}={p.Value}"))}";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var value = SampleStore.Read(KeyOf(benchmarkCase, []), figure);
        if (value is null)
        {
            return "-";
        }

        if (relativeTo.Length > 0)
        {
            var reference = SampleStore.Read(KeyOf(benchmarkCase, relativeTo), figure);
            if (reference is not > 0)
            {
                return "-";
            }

            value /= reference;
        }

        return value.Value.ToString(format, CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static string KeyOf(BenchmarkCase benchmarkCase, (string Name, object Value)[] overrides) =>
        SampleStore.Key(
            benchmarkCase.Descriptor.WorkloadMethod.Name,
            [.. benchmarkCase.Parameters.Items.Select(p => (p.Name, overrides.FirstOrDefault(o => o.Name == p.Name).Value ?? p.Value))]);
}
