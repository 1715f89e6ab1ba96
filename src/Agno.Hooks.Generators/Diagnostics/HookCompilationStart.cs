using System;
using Agno.Hooks.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Agno.Hooks.Generators.Diagnostics;

/// <summary>Where each analyzer starts: only in compilations that can declare hooks, with their <c>[Hook]</c> attribute type.</summary>
internal static class HookCompilationStart
{
    public static void Register(AnalysisContext context, Action<CompilationStartAnalysisContext, INamedTypeSymbol> start) =>
        context.RegisterCompilationStartAction(compilation =>
        {
            // Without Agno.Hooks there is nothing to analyze, and no callback is registered at all.
            if (compilation.Compilation.GetTypeByMetadataName(KnownTypes.HookAttributeMetadataName) is { } hookAttribute)
            {
                start(compilation, hookAttribute);
            }
        });
}
