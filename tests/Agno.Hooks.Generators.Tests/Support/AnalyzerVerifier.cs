using Agno.Hooks.Generators.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Agno.Hooks.Generators.Tests.Support;

/// <summary>Runs <see cref="HookAnalyzer"/> over markup with Microsoft.CodeAnalysis.Testing, offline.</summary>
internal static class AnalyzerVerifier
{
    public const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Agno.Hooks;\n\n";

    public static Task VerifyAsync(string markup) => VerifyAsync<HookAnalyzer>(markup);

    /// <summary>With a newer C# than the framework's default (for features such as extension blocks).</summary>
    public static Task VerifyAsync(string markup, LanguageVersion languageVersion)
    {
        var test = Create<HookAnalyzer>(markup);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(languageVersion)));
        return test.RunAsync();
    }

    public static Task VerifyAsync<TAnalyzer>(string markup, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = Create<TAnalyzer>(markup);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>With the generator's files in the compilation, as in a build: for diagnostics about generated descriptors.</summary>
    public static Task VerifyWithGeneratorAsync<TAnalyzer>(string markup, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        // The generated files themselves are the snapshot tests' business.
        var test = Configure(new WithGenerator<TAnalyzer>(), markup);
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create<TAnalyzer>(string markup)
        where TAnalyzer : DiagnosticAnalyzer, new() => Configure(new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>(), markup);

    private static T Configure<T>(T test, string markup)
        where T : AnalyzerTest<DefaultVerifier>
    {
        test.TestCode = Usings + markup;
        // No reference package: the framework would fetch one from NuGet. The same .NET 10 references the other tests use.
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.TestState.AdditionalReferences.AddRange(TestCompilation.References);
        return test;
    }

    private sealed class WithGenerator<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(HookGenerator)];
    }
}
