using Agno.Hooks.Generators.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Agno.Hooks.Generators.Tests.Support;

/// <summary>Runs <see cref="HookAnalyzer"/> over markup with Microsoft.CodeAnalysis.Testing, offline.</summary>
internal static class AnalyzerVerifier
{
    public const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Agno.Hooks;\n\n";

    public static Task VerifyAsync(string markup) => VerifyAsync<HookAnalyzer>(markup);

    public static Task VerifyAsync<TAnalyzer>(string markup, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + markup,
            // No reference package: the framework would fetch one from NuGet. The same .NET 10 references the other tests use.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.References);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
