using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Agno.Hooks.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Generators.Tests.Support;

/// <summary>Builds in-memory compilations against .NET 10 and Agno.Hooks, and runs the generator and analyzers over them.</summary>
internal static class TestCompilation
{
    /// <summary>C# 12 (the .NET 8 default): generated code must compile for the oldest supported consumers.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(HookDescriptor).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Recorder).Assembly.Location),

        // Microsoft Agent Framework, for hooks that bind its agent and session (the generator knows them by name only).
        MetadataReference.CreateFromFile(typeof(Microsoft.Agents.AI.AIAgent).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Agents.AI.ChatClientAgent).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.ChatMessage).Assembly.Location),
    ];

    public static CSharpCompilation Create(string assemblyName, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new HookGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns its result and the compilation with the generated sources added.</summary>
    public static (GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Generate(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>Every diagnostic the analyzers report on <paramref name="compilation"/>, analyzer crashes (AD0001) included.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            [new HookAnalyzer(), new BackgroundHookWriteAnalyzer(), new HookAttachmentAnalyzer()],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return await withAnalyzers.GetAllDiagnosticsAsync();
    }

    /// <summary>Compiles <paramref name="source"/> with the generator, fails on any warning or error, and loads the assembly.</summary>
    public static Assembly CompileAndLoad(string assemblyName, string source)
    {
        var (_, output, generatorDiagnostics) = Generate(Create(assemblyName, source));
        generatorDiagnostics.ShouldBeEmpty();
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        emitted.Success.ShouldBeTrue(string.Join(Environment.NewLine, emitted.Diagnostics));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }
}
