using System.Collections.Immutable;
using Agno.Hooks.Generators;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Agno.Hooks.Benchmarks.Generator;

/// <summary>
/// Compiling the consumer: the generator suite's project (100, 1,000 or 5,000 hooks), each operation on a
/// new compilation, so nothing is bound yet. Two measures, each against the same work without the generated
/// registry (<c>AgnoHooks.g.cs</c>), so the registry's own cost shows:
/// <list type="bullet">
/// <item>"Compile": what the consumer's build does in its compile step, the generator run and a full emit
/// (binding, lowering and IL) to memory.</item>
/// <item>"Bind": only the compiler's diagnostics over the project with the sources generated beforehand
/// (the measure of the README's finding: ~10.3 s at 5,000 hooks with the registry's switch, ~0.8 s
/// without the registry).</item>
/// </list>
/// Goal (5,000 hooks): the registry no longer dominates; the compile within 1.5 s.
/// Few iterations: at 5,000 hooks one operation takes seconds.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[WarmupCount(1)]
[IterationCount(3)]
public class ConsumerCompileBenchmarks
{
    /// <summary>The registry's hint name (<c>HookEmitter.RegistryHintName</c>, internal to the generator).</summary>
    private const string RegistryHintName = "AgnoHooks.g.cs";

    private SyntheticHookCompilation _project = null!;
    private Compilation _generated = null!;
    private Compilation _generatedWithoutRegistry = null!;

    [ParamsSource(typeof(ShortMode), nameof(ShortMode.GeneratorHookCounts))]
    public int Hooks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = new SyntheticHookCompilation(Hooks);
        var driver = NewDriver().RunGeneratorsAndUpdateCompilation(_project.Create(), out _generated, out _);
        _generatedWithoutRegistry = _generated.RemoveSyntaxTrees(RegistryTree(driver));

        // Both variants must be valid C# that emits, or the figures would be of a failed compile.
        Check(Compile(withRegistry: true), "with the registry");
        Check(Compile(withRegistry: false), "without the registry");
    }

    [Benchmark(Baseline = true, Description = "Compile: generator + emit, without AgnoHooks.g.cs"), BenchmarkCategory("Compile")]
    public EmitResult CompileWithoutRegistry() => Compile(withRegistry: false);

    [Benchmark(Description = "Compile: generator + emit (the consumer's compile)"), BenchmarkCategory("Compile")]
    public EmitResult CompileWithRegistry() => Compile(withRegistry: true);

    [Benchmark(Baseline = true, Description = "Bind: diagnostics, generated sources without AgnoHooks.g.cs"), BenchmarkCategory("Bind")]
    public ImmutableArray<Diagnostic> BindWithoutRegistry() => _generatedWithoutRegistry.Clone().GetDiagnostics();

    [Benchmark(Description = "Bind: diagnostics, every generated source"), BenchmarkCategory("Bind")]
    public ImmutableArray<Diagnostic> BindWithRegistry() => _generated.Clone().GetDiagnostics();

    private EmitResult Compile(bool withRegistry)
    {
        var driver = NewDriver().RunGeneratorsAndUpdateCompilation(_project.Create(), out var output, out _);
        if (!withRegistry)
        {
            output = output.RemoveSyntaxTrees(RegistryTree(driver));
        }

        using var image = new MemoryStream();
        return output.Emit(image);
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new HookGenerator().AsSourceGenerator()], parseOptions: SyntheticHookCompilation.ParseOptions);

    private static SyntaxTree RegistryTree(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == RegistryHintName).SyntaxTree;

    private static void Check(EmitResult result, string variant)
    {
        if (!result.Success)
        {
            throw new InvalidOperationException($"The consumer doesn't compile {variant}: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }
    }
}
