using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Agno.Hooks.Benchmarks.Generator;

/// <summary>
/// A synthetic project of <c>hooks</c> [Hook] methods in files of 10 (a mix of plain, guardrail, background
/// and named hooks, static and instance) plus one unrelated file, and the edits the suites re-run after.
/// </summary>
public sealed class SyntheticHookCompilation
{
    public const int HooksPerFile = 10;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly MetadataReference[] References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(HookDescriptor).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    ];

    private readonly SyntaxTree[] _trees;

    public SyntheticHookCompilation(int hooks)
    {
        Files = hooks / HooksPerFile;
        _trees = [.. Enumerable.Range(0, Files).Select(file => HookFile(file, trimmed: "Trim")), Unrelated("public int Count { get; set; }")];
    }

    public int Files { get; }

    /// <summary>A new compilation of the same trees: no symbol or binding shared with an earlier one.</summary>
    public CSharpCompilation Create() => CSharpCompilation.Create(
        "Bench",
        _trees,
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>An edit to a file without hooks.</summary>
    public Compilation WithUnrelatedEdit(Compilation compilation) =>
        compilation.ReplaceSyntaxTree(_trees[^1], Unrelated("public long Count { get; set; }"));

    /// <summary>An edit inside one hook's body: its signature, attribute and everything else stay.</summary>
    public Compilation WithHookBodyEdit(Compilation compilation) =>
        compilation.ReplaceSyntaxTree(_trees[0], HookFile(0, trimmed: "TrimEnd"));

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
}
