using Agno.Hooks.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
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
    public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
        CodeFixVerifier<HookAnalyzer, TCodeFix>.VerifyCodeFixAsync(source, fixedSource);
}

/// <inheritdoc cref="CodeFixVerifier{TCodeFix}"/>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    private const string Usings = "using System;\nusing System.Threading.Tasks;\nusing Agno.Hooks;\n\n";

    /// <param name="equivalenceKey">Which of the fixes offered to apply; the first when null.</param>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
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
