using Agno.Hooks.Generators.Emitting;
using Agno.Hooks.Generators.Model;
using Agno.Hooks.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Agno.Hooks.Generators;

/// <summary>
/// Finds <c>[Hook]</c> methods and emits, for each, a <c>HookDescriptor</c> property with a typed dispatcher,
/// plus the assembly's <c>AgnoHooks</c> registration table. Invalid hooks are skipped; <see cref="Diagnostics.HookAnalyzer"/> reports them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class HookGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline's steps, for tests that check what was cached.</summary>
    public static class TrackingNames
    {
        public const string Hooks = nameof(Hooks);
        public const string AssemblyName = nameof(AssemblyName);
        public const string HookSet = nameof(HookSet);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var hooks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.HookAttributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) => HookParser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.Hooks);

        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty)
            .WithTrackingName(TrackingNames.AssemblyName);

        // The set is built from the hooks alone, so an edit elsewhere (which gives a new compilation, hence
        // a new assembly-name step) never rebuilds it; the emitter combines the two.
        var hookSet = hooks.Collect()
            .Select(static (all, cancellationToken) => HookSetBuilder.Build(all, cancellationToken))
            .WithTrackingName(TrackingNames.HookSet);

        context.RegisterSourceOutput(
            hookSet.Combine(assemblyName),
            static (sourceContext, pair) => HookEmitter.Emit(sourceContext, pair.Left, pair.Right));
    }
}
