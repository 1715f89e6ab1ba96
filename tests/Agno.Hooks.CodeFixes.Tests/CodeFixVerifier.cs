using Agno.Hooks.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.CodeFixes.Tests;

/// <summary>
/// Applies <typeparamref name="TCodeFix"/> with Microsoft.CodeAnalysis.Testing: the single fix, then Fix All in
/// document, project and solution, must each turn the markup into <c>fixedSource</c>. Offline references only.
/// </summary>
internal static class CodeFixVerifier<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    private const string Usings = "using System;\nusing System.Threading.Tasks;\nusing Agno.Hooks;\n\n";

    public static Task VerifyCodeFixAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<HookAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(
        [
            .. Basic.Reference.Assemblies.Net100.References.All,
            MetadataReference.CreateFromFile(typeof(HookDescriptor).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
        ]);
        return test.RunAsync();
    }
}
