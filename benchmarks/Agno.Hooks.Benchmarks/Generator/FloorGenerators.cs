using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Agno.Hooks.Benchmarks;

/// <summary>
/// The least any [Hook] generator can cost: ForAttributeWithMetadataName with a trivial transform. Roslyn
/// re-runs the transform for every attributed method on each new compilation, so this is the floor the
/// real generator's cached re-run is compared with.
/// </summary>
public sealed class AttributeScanOnlyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Agno.Hooks.HookAttribute",
            static (node, _) => node is MethodDeclarationSyntax,
            static (attributeContext, _) => attributeContext.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
    }
}
