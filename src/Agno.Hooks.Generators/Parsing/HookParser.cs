using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Agno.Hooks.Generators.Analysis;
using Agno.Hooks.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Agno.Hooks.Generators.Parsing;

/// <summary>
/// Turns a <c>[Hook]</c> method into a <see cref="HookModel"/>: the only place the generator looks at
/// symbols. Invalid hooks give null (the analyzer reports why); nothing here throws on broken code.
/// </summary>
internal static class HookParser
{
    private static readonly SymbolDisplayFormat QualifiedName = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    // Every edit anywhere re-runs this transform for every hook, so the display strings of a type are
    // computed once per type symbol (per compilation), not once per hook. Weak: dropped with the compilation.
    private static readonly ConditionalWeakTable<INamedTypeSymbol, HookTypeModel> TypeModels = new();
    private static readonly ConditionalWeakTable<ITypeSymbol, string> TypeNames = new();

    // Binding every hook body again on each edit costs ~15 µs a hook; the facts depend on the body, which
    // lives in its syntax tree, and an unchanged file keeps its tree (and nodes) in the next compilation.
    // So they are kept per declaration node. A fresh build always parses afresh: only an IDE session could
    // see a fact made stale by an edit elsewhere that changes what the body binds to, and it only feeds a
    // run-time warning.
    private static readonly ConditionalWeakTable<MethodDeclarationSyntax, MutationFacts> Mutations = new();

    private sealed class MutationFacts(bool input, bool output)
    {
        public bool Input { get; } = input;

        public bool Output { get; } = output;
    }

    public static HookModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0 || method.ContainingType is not { } type)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var attribute = context.Attributes[0];
        if (!HookRules.IsPartialChain(type, cancellationToken) || !HookRules.CheckMethod(method, attribute, report: null, cancellationToken))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var parameters = new HookParameterModel[method.Parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var binding = HookRules.Classify(parameter.Type, out var needsCast);
            parameters[i] = new HookParameterModel(
                parameter.Name,
                binding,
                TypeName(parameter.Type, binding, needsCast),
                needsCast);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (mutatesInput, mutatesOutput) = FindMutations(context, method, parameters, cancellationToken);
        var settings = HookSettings.Read(attribute);
        var typeModel = TypeModels.GetValue(type, ParseType);
        return new HookModel(
            typeModel,
            method.Name,
            settings.Name is { } name && !string.IsNullOrWhiteSpace(name) ? name : typeModel.DisplayName + "." + method.Name,
            method.IsStatic,
            method.ReturnsVoid ? HookReturn.Void : KnownTypes.IsTask(method.ReturnType) ? HookReturn.Task : HookReturn.ValueTask,
            new EquatableArray<HookParameterModel>(parameters),
            settings.RunInBackground,
            settings.Guardrail,
            mutatesInput,
            mutatesOutput);
    }

    /// <summary>Whether the body writes the input or output: the analysis AGNH001/AGNH002 report from, recorded for the runtime.</summary>
    private static (bool Input, bool Output) FindMutations(GeneratorAttributeSyntaxContext context, IMethodSymbol method, HookParameterModel[] parameters, CancellationToken cancellationToken)
    {
        var bindsRunObjects = false;
        foreach (var parameter in parameters)
        {
            bindsRunObjects |= parameter.Binding is ParameterBinding.RunInput or ParameterBinding.RunOutput;
        }

        if (!bindsRunObjects || context.TargetNode is not MethodDeclarationSyntax declaration)
        {
            return (false, false);
        }

        if (Mutations.TryGetValue(declaration, out var known))
        {
            return (known.Input, known.Output);
        }

        if (((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is not { } body
            || context.SemanticModel.GetOperation(body, cancellationToken) is not { } operation)
        {
            return (false, false);
        }

        var (input, output) = (false, false);
        HookWriteAnalysis.FindWrites(
            method,
            ImmutableArray.Create(operation),
            write =>
            {
                input |= write.Binding == ParameterBinding.RunInput;
                output |= write.Binding == ParameterBinding.RunOutput;
            },
            cancellationToken);
        var facts = new MutationFacts(input, output);
        Mutations.GetValue(declaration, _ => facts);
        return (input, output);
    }

    /// <summary>The type as generated code names it; the run's own types without asking Roslyn to format them.</summary>
    private static string TypeName(ITypeSymbol type, ParameterBinding binding, bool needsCast) => (binding, needsCast) switch
    {
        (ParameterBinding.RunInput, _) => "global::Agno.Hooks.RunInput",
        (ParameterBinding.RunContext, _) => "global::Agno.Hooks.RunContext",
        (ParameterBinding.CancellationToken, _) => "global::System.Threading.CancellationToken",
        (ParameterBinding.RunOutput, false) => "global::Agno.Hooks.RunOutput",
        (ParameterBinding.Owner, false) => "global::Agno.Hooks.IHookOwner",
        _ => TypeNames.GetValue(type, static type => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)),
    };

    private static HookTypeModel ParseType(INamedTypeSymbol type)
    {
        var declarations = new List<TypeDeclarationModel>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            declarations.Insert(0, new TypeDeclarationModel(Keyword(current), Identifiers.Escape(current.Name)));
        }

        return new HookTypeModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(QualifiedName) : string.Empty,
            new EquatableArray<TypeDeclarationModel>(declarations.ToArray()),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            HookRules.IsAccessibleInAssembly(type),
            type is { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false });
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };
}
