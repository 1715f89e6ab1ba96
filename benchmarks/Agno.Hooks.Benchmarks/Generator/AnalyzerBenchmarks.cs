using System.Collections.Immutable;
using Agno.Hooks.Benchmarks.Reporting;
using Agno.Hooks.Generators;
using Agno.Hooks.Generators.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Agno.Hooks.Benchmarks.Generator;

/// <summary>
/// <see cref="HookAnalyzer"/> over the generator suite's compilations (100, 1,000, 5,000 hooks) with the
/// generated sources added, as a build sees them. The wall time includes the compiler's binding that feeds
/// the analyzer; the analyzer's own callback time (what <c>-p:ReportAnalyzer=true</c> reports) is a column.
/// Few iterations: at 5,000 hooks one operation takes seconds.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
[WarmupCount(1)]
[IterationCount(2)]
public class AnalyzerBenchmarks
{
    private readonly List<double> _ownMilliseconds = [];
    private Compilation _withGeneratedSources = null!;

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.GeneratorHookCounts))]
    public int Hooks { get; set; }

    [GlobalSetup]
    public void Setup() =>
        CSharpGeneratorDriver.Create([new HookGenerator().AsSourceGenerator()], parseOptions: SyntheticHookCompilation.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(new SyntheticHookCompilation(Hooks).Create(), out _withGeneratedSources, out _);

    [Benchmark(Description = "HookAnalyzer over the compilation (with binding)")]
    public async Task<ImmutableArray<Diagnostic>> Analyzers()
    {
        var analyzer = new HookAnalyzer();
        var withAnalyzers = _withGeneratedSources.Clone().WithAnalyzers(
            [analyzer],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        _ownMilliseconds.Add(telemetry.ExecutionTime.TotalMilliseconds);
        return diagnostics;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var sorted = _ownMilliseconds.Order().ToArray();
        SampleStore.Write(SampleStore.Key(nameof(Analyzers), (nameof(Hooks), Hooks)), [new("analyzer_own_ms", SampleStore.Percentile(sorted, 50))]);
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new SampleColumn("Analyzer own (ms, p50)", "analyzer_own_ms", "N2"));
    }
}
