using System.Collections.Immutable;
using System.Text;
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
/// The generator and the analyzers over a synthetic compilation of 100, 1,000 or 5,000 hooks (files of 10):
/// a cold run (new compilation, new driver: nothing cached); a re-run after an edit to an unrelated file and
/// after one hook's body changes, both of which the pipeline should answer from its cache; the floor any
/// [Hook] generator pays on a re-run (an attribute scan only); and <see cref="HookAnalyzer"/> over the same
/// compilation with the generated sources, on a fresh copy each time so nothing is bound beforehand.
/// Goals (1,000 hooks): cold under 100 ms, cached re-run under 2 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class GeneratorBenchmarks
{
    private const int HooksPerFile = 10;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private SyntaxTree[] _trees = [];
    private MetadataReference[] _references = [];
    private GeneratorDriver _warmDriver = null!;
    private GeneratorDriver _warmFloorDriver = null!;
    private Compilation _unrelatedEdit = null!;
    private Compilation _bodyEdit = null!;
    private Compilation _withGeneratedSources = null!;
    private readonly List<double> _analyzerOwnMilliseconds = [];

    [Params(100, 1_000, 5_000)]
    public int Hooks { get; set; }

    private int Files => Hooks / HooksPerFile;

    [GlobalSetup]
    public void Setup()
    {
        _references =
        [
            .. Basic.Reference.Assemblies.Net100.References.All,
            MetadataReference.CreateFromFile(typeof(HookDescriptor).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        ];
        _trees = [.. Enumerable.Range(0, Files).Select(file => HookFile(file, trimmed: "Trim")), Unrelated("public int Count { get; set; }")];

        var compilation = NewCompilation();
        _warmDriver = NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out _withGeneratedSources, out var diagnostics);
        var generated = _warmDriver.GetRunResult().Results.Single().GeneratedSources.Length;
        if (generated != Files + 1 || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"Expected {Files + 1} generated files and no errors, got {generated} and {string.Join("; ", diagnostics)}.");
        }

        var errors = _withGeneratedSources.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The generated sources don't compile: " + string.Join("; ", errors.Take(5)));
        }

        _warmFloorDriver = CSharpGeneratorDriver.Create([new AttributeScanOnlyGenerator().AsSourceGenerator()], parseOptions: ParseOptions).RunGenerators(compilation);
        _unrelatedEdit = compilation.ReplaceSyntaxTree(_trees[^1], Unrelated("public long Count { get; set; }"));
        _bodyEdit = compilation.ReplaceSyntaxTree(_trees[0], HookFile(0, trimmed: "TrimEnd"));
    }

    [Benchmark(Description = "Cold run")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(NewCompilation());

    [Benchmark(Description = "Cached: re-run after an unrelated edit")]
    public GeneratorDriver CachedAfterUnrelatedEdit() => _warmDriver.RunGenerators(_unrelatedEdit);

    [Benchmark(Description = "Re-run after one hook's body changes")]
    public GeneratorDriver AfterHookBodyEdit() => _warmDriver.RunGenerators(_bodyEdit);

    [Benchmark(Description = "Floor: attribute scan only, re-run after an unrelated edit")]
    public GeneratorDriver FloorAfterUnrelatedEdit() => _warmFloorDriver.RunGenerators(_unrelatedEdit);

    /// <summary>Includes creating the symbols the analyzer reads; its own callback time is the "Analyzer own" column.</summary>
    [Benchmark(Description = "Analyzers: HookAnalyzer over the compilation")]
    public async Task<ImmutableArray<Diagnostic>> Analyzers()
    {
        var analyzer = new HookAnalyzer();
        var withAnalyzers = _withGeneratedSources.Clone().WithAnalyzers(
            [analyzer],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        _analyzerOwnMilliseconds.Add(telemetry.ExecutionTime.TotalMilliseconds);
        return diagnostics;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_analyzerOwnMilliseconds.Count > 0)
        {
            var sorted = _analyzerOwnMilliseconds.Order().ToArray();
            SampleStore.Write(SampleStore.Key(nameof(Analyzers), (nameof(Hooks), Hooks)), [new("analyzer_own_ms", SampleStore.Percentile(sorted, 50))]);
        }
    }

    private CSharpCompilation NewCompilation() => CSharpCompilation.Create(
        "Bench",
        _trees,
        _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new HookGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    /// <param name="trimmed">The string method the first hook's body calls: changing it edits a body, nothing else.</param>
    private static SyntaxTree HookFile(int file, string trimmed)
    {
        var source = new StringBuilder();
        source.AppendLine("using System.Threading;");
        source.AppendLine("using System.Threading.Tasks;");
        source.AppendLine("using Agno.Hooks;");
        source.AppendLine($"namespace Bench.Area{file % 10};");
        source.AppendLine($"public sealed partial class Hooks{file}");
        source.AppendLine("{");
        for (var hook = 0; hook < HooksPerFile; hook++)
        {
            source.AppendLine((hook % 4) switch
            {
                0 => $"    [Hook] public static void Pre{hook}(RunInput input, RunContext run) {{ input.Content = input.Content.{trimmed}(); }}",
                1 => $"    [Hook(Guardrail = true)] public static Task Guard{hook}(RunInput input, CancellationToken token) => Task.CompletedTask;",
                2 => $"    [Hook(RunInBackground = true)] public ValueTask Post{hook}(RunOutput output, Agent agent) => default;",
                _ => $"    [Hook(Name = \"bench-{file}-{hook}\")] public void Named{hook}(RunOutput output, System.IServiceProvider services) {{ }}",
            });
        }

        source.AppendLine("}");
        return CSharpSyntaxTree.ParseText(source.ToString(), ParseOptions, path: $"Hooks{file}.cs");
    }

    private static SyntaxTree Unrelated(string member) =>
        CSharpSyntaxTree.ParseText($"namespace Bench; public sealed class Basket {{ {member} }}", ParseOptions, path: "Basket.cs");

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new SampleColumn("Analyzer own (ms, p50)", "analyzer_own_ms", "N2"));
    }
}
