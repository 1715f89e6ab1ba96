using Agno.Hooks.Generators.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Agno.Hooks.Generators.Tests.Support;

/// <summary>Runs <see cref="HookAnalyzer"/> over markup with Microsoft.CodeAnalysis.Testing, offline.</summary>
internal static class AnalyzerVerifier
{
    public const string Usings = "using System;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Agno.Hooks;\n\n";

    public static Task VerifyAsync(string markup)
    {
        var test = new CSharpAnalyzerTest<HookAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + markup,
            // No reference package: the framework would fetch one from NuGet. The same .NET 10 references the other tests use.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.References);
        return test.RunAsync();
    }
}
