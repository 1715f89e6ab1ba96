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
            .Where(static hook => hook is not null)
            .Select(static (hook, _) => hook!)
            .WithTrackingName(TrackingNames.Hooks);

        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty)
            .WithTrackingName(TrackingNames.AssemblyName);

        var hookSet = hooks.Collect()
            .Combine(assemblyName)
            .Select(static (pair, cancellationToken) => HookSetBuilder.Build(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.HookSet);

        context.RegisterSourceOutput(hookSet, static (sourceContext, set) => HookEmitter.Emit(sourceContext, set));
    }
}
