using Agno.Hooks.Generators;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Agno.Hooks.Benchmarks.Generator;

/// <summary>
/// The generator over 100, 1,000 or 5,000 hooks: a cold run (new compilation, new driver: nothing cached),
/// and re-runs after an edit to an unrelated file and after one hook's body changes, both of which the
/// pipeline should answer from its cache. The floors are what any [Hook] generator pays (an attribute
/// scan with a trivial transform), cold and re-run, so the cost that is ours shows.
/// Goals (1,000 hooks): cold under 100 ms, cached re-run under 2 ms.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private SyntheticHookCompilation _project = null!;
    private GeneratorDriver _warmDriver = null!;
    private GeneratorDriver _warmFloorDriver = null!;
    private Compilation _unrelatedEdit = null!;
    private Compilation _bodyEdit = null!;

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.GeneratorHookCounts))]
    public int Hooks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = new SyntheticHookCompilation(Hooks);
        var compilation = _project.Create();
        _warmDriver = NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var diagnostics);
        var generated = _warmDriver.GetRunResult().Results.Single().GeneratedSources.Length;
        if (generated != _project.Files + 1 || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"Expected {_project.Files + 1} generated files and no errors, got {generated} and {string.Join("; ", diagnostics)}.");
        }

        // The output's shape is the same at every size; compiling the smallest proves it is valid C#.
        var errors = Hooks <= 100 ? withGenerated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray() : [];
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The generated sources don't compile: " + string.Join("; ", errors.Take(5)));
        }

        _warmFloorDriver = NewFloorDriver().RunGenerators(compilation);
        _unrelatedEdit = _project.WithUnrelatedEdit(compilation);
        _bodyEdit = _project.WithHookBodyEdit(compilation);
    }

    [Benchmark(Description = "Cold run")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_project.Create());

    [Benchmark(Description = "Cached: re-run after an unrelated edit")]
    public GeneratorDriver CachedAfterUnrelatedEdit() => _warmDriver.RunGenerators(_unrelatedEdit);

    [Benchmark(Description = "Re-run after one hook's body changes")]
    public GeneratorDriver AfterHookBodyEdit() => _warmDriver.RunGenerators(_bodyEdit);

    [Benchmark(Description = "Floor: attribute scan only, cold")]
    public GeneratorDriver FloorCold() => NewFloorDriver().RunGenerators(_project.Create());

    [Benchmark(Description = "Floor: attribute scan only, re-run after an unrelated edit")]
    public GeneratorDriver FloorAfterUnrelatedEdit() => _warmFloorDriver.RunGenerators(_unrelatedEdit);

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new HookGenerator().AsSourceGenerator()], parseOptions: SyntheticHookCompilation.ParseOptions);

    private static GeneratorDriver NewFloorDriver() =>
        CSharpGeneratorDriver.Create([new AttributeScanOnlyGenerator().AsSourceGenerator()], parseOptions: SyntheticHookCompilation.ParseOptions);
}
