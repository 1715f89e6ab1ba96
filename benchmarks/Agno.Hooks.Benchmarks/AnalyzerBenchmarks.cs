using System.Collections.Immutable;
using System.Text;
using Agno.Hooks.Generators.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Agno.Hooks.Benchmarks;

/// <summary>
/// What the analyzers add to compiling a project of 1,000 hooks (with their generated code): compiler
/// diagnostics with an idle analyzer against compiler diagnostics with each of ours. Target for the write
/// analyzer (AGNH001/AGNH002): under 5% over the compile. Noisy on a shared machine; -p:ReportAnalyzer=true
/// on a real build gives the same figure from the compiler itself.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private SyntaxTree[] _trees = [];
    private Compilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkProject.NewDriver().RunGeneratorsAndUpdateCompilation(BenchmarkProject.Compile(Enumerable.Range(0, BenchmarkProject.Files).Select(HookFile)), out var withGenerated, out _);
        _trees = [.. withGenerated.SyntaxTrees];
    }

    // Diagnostics are cached per compilation: each invocation starts from a fresh one.
    [IterationSetup]
    public void FreshCompilation() =>
        _compilation = BenchmarkProject.Compile(_trees.Select(tree => CSharpSyntaxTree.ParseText(tree.GetText(), BenchmarkProject.ParseOptions, tree.FilePath)));

    [Benchmark(Baseline = true, Description = "Compile + an analyzer that does nothing")]
    public Task<int> Compile() => Analyze(new IdleAnalyzer());

    [Benchmark(Description = "Compile + BackgroundHookWriteAnalyzer")]
    public Task<int> CompileWithWriteAnalyzer() => Analyze(new BackgroundHookWriteAnalyzer());

    [Benchmark(Description = "Compile + HookAnalyzer")]
    public Task<int> CompileWithHookAnalyzer() => Analyze(new HookAnalyzer());

    // The same path for every case (compiler diagnostics plus one analyzer, not concurrent), so the difference is the analyzer.
    private async Task<int> Analyze(DiagnosticAnalyzer analyzer)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        return (await _compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAllDiagnosticsAsync()).Length;
    }

    /// <summary>Registers nothing: the cost of the analyzer driver itself. Never shipped, so not release-tracked.</summary>
#pragma warning disable RS1001, RS2008
    private sealed class IdleAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("IDLE001", "Idle", "Idle", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
        }
    }
#pragma warning restore RS1001, RS2008

    private static SyntaxTree HookFile(int file)
    {
        var source = new StringBuilder();
        source.AppendLine("using System.Threading.Tasks;");
        source.AppendLine("using Agno.Hooks;");
        source.AppendLine($"namespace Bench.Area{file % 10};");
        source.AppendLine($"public static partial class Hooks{file}");
        source.AppendLine("{");
        for (var hook = 0; hook < BenchmarkProject.HooksPerFile; hook++)
        {
            source.AppendLine((hook % 2) switch
            {
                0 => $$"""
                        [Hook(RunInBackground = true)]
                        public static void Log{{hook}}(RunInput input, RunOutput output)
                        {
                            var messages = input.Messages;
                            foreach (var message in messages) { System.Console.WriteLine(message.Text); }
                            var length = output.Content?.Length ?? 0;
                            if (input is { Metadata: var metadata } && metadata.ContainsKey("k")) { length++; }
                        }
                    """,
                _ => $$"""
                        [Hook]
                        public static Task Edit{{hook}}(RunInput input)
                        {
                            input.Content = input.Content.Trim();
                            input.Metadata["edited"] = true;
                            return Task.CompletedTask;
                        }
                    """,
            });
        }

        source.AppendLine("}");
        return CSharpSyntaxTree.ParseText(source.ToString(), BenchmarkProject.ParseOptions, path: $"Hooks{file}.cs");
    }
}
