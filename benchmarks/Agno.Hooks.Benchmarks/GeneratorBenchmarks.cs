using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Agno.Hooks.Benchmarks;

/// <summary>
/// The generator over 1,000 hooks (100 files of 10): a cold run (new compilation, new driver: nothing
/// cached) and a re-run after an edit to an unrelated file, which the pipeline should answer from its cache.
/// Targets: cold under 100 ms, cached re-run under 2 ms. Run with --job medium (or default) for stable figures.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private SyntaxTree[] _trees = [];
    private GeneratorDriver _warmDriver = null!;
    private GeneratorDriver _warmFloorDriver = null!;
    private Compilation _editedCompilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _trees = [.. Enumerable.Range(0, BenchmarkProject.Files).Select(HookFile), Unrelated("public int Count { get; set; }")];

        var compilation = NewCompilation();
        _warmDriver = BenchmarkProject.NewDriver().RunGenerators(compilation);
        var generated = _warmDriver.GetRunResult().Results.Single().GeneratedSources.Length;
        if (generated != BenchmarkProject.Files + 1)
        {
            throw new InvalidOperationException($"Expected {BenchmarkProject.Files + 1} generated files, got {generated}.");
        }

        _warmFloorDriver = BenchmarkProject.NewDriver(new AttributeScanOnlyGenerator()).RunGenerators(compilation);
        _editedCompilation = compilation.ReplaceSyntaxTree(_trees[^1], Unrelated("public long Count { get; set; }"));
    }

    [Benchmark(Description = "Cold: 1,000 hooks")]
    public GeneratorDriver Cold() => BenchmarkProject.NewDriver().RunGenerators(NewCompilation());

    [Benchmark(Description = "Cached: re-run after an unrelated edit")]
    public GeneratorDriver CachedAfterUnrelatedEdit() => _warmDriver.RunGenerators(_editedCompilation);

    [Benchmark(Description = "Floor: attribute scan only, re-run after an unrelated edit")]
    public GeneratorDriver FloorAfterUnrelatedEdit() => _warmFloorDriver.RunGenerators(_editedCompilation);

    private CSharpCompilation NewCompilation() => BenchmarkProject.Compile(_trees);

    private static SyntaxTree HookFile(int file)
    {
        var source = new StringBuilder();
        source.AppendLine("using System.Threading;");
        source.AppendLine("using System.Threading.Tasks;");
        source.AppendLine("using Agno.Hooks;");
        source.AppendLine($"namespace Bench.Area{file % 10};");
        source.AppendLine($"public sealed partial class Hooks{file}");
        source.AppendLine("{");
        for (var hook = 0; hook < BenchmarkProject.HooksPerFile; hook++)
        {
            source.AppendLine((hook % 4) switch
            {
                0 => $"    [Hook] public static void Pre{hook}(RunInput input, RunContext run) {{ input.Content = input.Content.Trim(); }}",
                1 => $"    [Hook(Guardrail = true)] public static Task Guard{hook}(RunInput input, CancellationToken token) => Task.CompletedTask;",
                2 => $"    [Hook(RunInBackground = true)] public ValueTask Post{hook}(RunOutput output, Agent agent) => default;",
                _ => $"    [Hook(Name = \"bench-{file}-{hook}\")] public void Named{hook}(RunOutput output, System.IServiceProvider services) {{ }}",
            });
        }

        source.AppendLine("}");
        return CSharpSyntaxTree.ParseText(source.ToString(), BenchmarkProject.ParseOptions, path: $"Hooks{file}.cs");
    }

    private static SyntaxTree Unrelated(string member) =>
        CSharpSyntaxTree.ParseText($"namespace Bench; public sealed class Basket {{ {member} }}", BenchmarkProject.ParseOptions, path: "Basket.cs");
}
