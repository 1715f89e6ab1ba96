using Agno.Hooks.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Agno.Hooks.Generators.Tests;

/// <summary>Every generated file and every diagnostic of each case in <see cref="SnapshotCases"/>, against approved snapshots.</summary>
public sealed class GeneratorSnapshotTests
{
    public static TheoryData<string> Cases => new(SnapshotCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generated_files_and_diagnostics_match_the_snapshots(string testCase)
    {
        Snapshots.Match(await ProduceAsync(testCase));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_compiles_without_errors_or_warnings(string testCase)
    {
        var (result, output, generatorDiagnostics) = TestCompilation.Generate(TestCompilation.Create("Shop", SnapshotCases.All[testCase]));

        result.Exception.ShouldBeNull();
        generatorDiagnostics.ShouldBeEmpty();
        result.GeneratedSources.ShouldNotBeEmpty();
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_is_fully_documented(string testCase)
    {
        // With documentation on (GenerateDocumentationFile), a public generated member without docs would warn (CS1591).
        var documented = TestCompilation.ParseOptions.WithDocumentationMode(Microsoft.CodeAnalysis.DocumentationMode.Diagnose);
        var compilation = TestCompilation.Create("Shop", SnapshotCases.All[testCase]);
        compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(tree => tree.WithRootAndOptions(tree.GetRoot(), documented)));
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create([new HookGenerator().AsSourceGenerator()], parseOptions: documented);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        var generatedTrees = output.SyntaxTrees.Skip(compilation.SyntaxTrees.Count()).ToHashSet();
        generatedTrees.ShouldNotBeEmpty();
        output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && generatedTrees.Contains(d.Location.SourceTree!))
            .Select(d => d.ToString())
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_snapshot_file_belongs_to_a_case()
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var testCase in SnapshotCases.All.Keys)
        {
            foreach (var (fileName, _) in await ProduceAsync(testCase))
            {
                expected.Add(fileName);
            }
        }

        var orphans = Directory.EnumerateFiles(Snapshots.Folder, "*.verified.*")
            .Select(Path.GetFileName)
            .Where(name => !expected.Contains(name!))
            .ToList();
        orphans.ShouldBeEmpty("Snapshot files no case produces; delete them.");
    }

    private static async Task<List<(string FileName, string Content)>> ProduceAsync(string testCase)
    {
        const string TestClass = nameof(GeneratorSnapshotTests);
        var (result, output, generatorDiagnostics) = TestCompilation.Generate(TestCompilation.Create("Shop", SnapshotCases.All[testCase]));
        var files = result.GeneratedSources
            .Select(source => (Snapshots.SourceFileName(TestClass, testCase, source.HintName), source.SourceText.ToString()))
            .ToList();

        var diagnostics = generatorDiagnostics
            .Concat(await TestCompilation.AnalyzeAsync(output))
            .Where(d => d.Severity > DiagnosticSeverity.Hidden)
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(Format);
        files.Add((Snapshots.DiagnosticsFileName(TestClass, testCase), string.Concat(diagnostics.Select(line => line + "\n"))));
        return files;
    }

    private static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} {diagnostic.Severity} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage()}";
    }
}
