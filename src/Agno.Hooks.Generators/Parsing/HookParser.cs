using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Agno.Hooks.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Agno.Hooks.Generators.Parsing;

/// <summary>
/// Turns a <c>[Hook]</c> method into a <see cref="HookModel"/>: the only place the generator looks at
/// symbols. Invalid hooks give null (the analyzer reports why); nothing here throws on broken code.
/// </summary>
internal static class HookParser
{
    private static readonly SymbolDisplayFormat QualifiedName = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    // Nested annotations are kept (List<string?>): the generated file has nullable on, and a service resolved as
    // List<string> for a List<string?> parameter would warn (CS8620), an error under TreatWarningsAsErrors.
    private static readonly SymbolDisplayFormat ParameterTypeName = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    // Every edit anywhere re-runs this transform for every hook, so the display strings of a type are
    // computed once per type symbol (per compilation), not once per hook. Weak: dropped with the compilation.
    private static readonly ConditionalWeakTable<INamedTypeSymbol, HookTypeModel> TypeModels = new();
    private static readonly ConditionalWeakTable<ITypeSymbol, string> TypeNames = new();

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
                needsCast,
                binding == ParameterBinding.BackgroundExecutionInfo && parameter.Type.NullableAnnotation == NullableAnnotation.Annotated);
        }

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
            settings.Guardrail);
    }

    /// <summary>The type as generated code names it; the run's own types without asking Roslyn to format them.</summary>
    private static string TypeName(ITypeSymbol type, ParameterBinding binding, bool needsCast) => (binding, needsCast) switch
    {
        (ParameterBinding.RunInput, _) => "global::Agno.Hooks.RunInput",
        (ParameterBinding.RunContext, _) => "global::Agno.Hooks.RunContext",
        (ParameterBinding.CancellationToken, _) => "global::System.Threading.CancellationToken",
        (ParameterBinding.BackgroundExecutionInfo, _) => "global::Agno.Hooks.BackgroundExecutionInfo",
        (ParameterBinding.ToolCall, _) => "global::Agno.Hooks.ToolCall",
        (ParameterBinding.ToolExecution, _) => "global::Agno.Hooks.ToolExecution",
        (ParameterBinding.ModelRequest, _) => "global::Agno.Hooks.ModelRequest",
        (ParameterBinding.Next, _) => "global::Agno.Hooks.HookNext",
        (ParameterBinding.RunOutput, false) => "global::Agno.Hooks.RunOutput",
        (ParameterBinding.Owner, false) => "global::Agno.Hooks.IHookOwner",
        _ => TypeNames.GetValue(type, static type => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(ParameterTypeName)),
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
