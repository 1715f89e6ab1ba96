using Agno.Hooks.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Agno.Hooks.Benchmarks;

/// <summary>What every benchmark compiles against: 100 files of 10 hooks, .NET 10 and Agno.Hooks, C# 12.</summary>
internal static class BenchmarkProject
{
    public const int Files = 100;
    public const int HooksPerFile = 10;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static readonly CSharpCompilationOptions CompilationOptions = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    public static readonly MetadataReference[] References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(HookDescriptor).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    ];

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create("Bench", trees, References, CompilationOptions);

    public static GeneratorDriver NewDriver(IIncrementalGenerator? generator = null) =>
        CSharpGeneratorDriver.Create([(generator ?? new HookGenerator()).AsSourceGenerator()], parseOptions: ParseOptions);
}
