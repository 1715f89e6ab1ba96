using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Agno.Hooks.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Agno.Hooks.Generators.Diagnostics;

/// <summary>
/// Reports what is wrong with a <c>[Hook]</c> declaration (AGNH101 and up), with real locations so
/// <c>#pragma</c> and <c>.editorconfig</c> work. The generator skips exactly the hooks reported as errors here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HookAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.HookTypeMustBePartial,
        DiagnosticDescriptors.HookMustNotBeGeneric,
        DiagnosticDescriptors.HookMustNotBeAsyncVoid,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.ParameterPassedByReference,
        DiagnosticDescriptors.DuplicateHookName,
        DiagnosticDescriptors.GuardrailInBackground,
        DiagnosticDescriptors.UnbindableParameter,
        DiagnosticDescriptors.HookTypeNotAccessible,
        DiagnosticDescriptors.InstanceHookOutsideClass,
        DiagnosticDescriptors.InvalidHookName,
        DiagnosticDescriptors.OverloadedHookMethods,
        DiagnosticDescriptors.UnsupportedHookMethod,
        DiagnosticDescriptors.HookInFileLocalType,
        DiagnosticDescriptors.BackgroundHookBindsSession,
        DiagnosticDescriptors.HookMustBeMethodOfType,
        DiagnosticDescriptors.HookTakesArgList,
        DiagnosticDescriptors.CallHookInBackground,
        DiagnosticDescriptors.HookBindsToolCallAndModelRequest,
        DiagnosticDescriptors.HookAroundReturnsVoid);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        HookCompilationStart.Register(context, static (start, hookAttribute) =>
        {
            var named = new ConcurrentBag<(string Name, string Method, Location Location)>();
            start.RegisterSymbolAction(context => AnalyzeMethod(context, hookAttribute, named), SymbolKind.Method);
            start.RegisterSymbolAction(context => AnalyzeType(context, hookAttribute), SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(context => AnalyzeFunction(context, hookAttribute), SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression);
            start.RegisterCompilationEndAction(context => ReportDuplicateNames(context, named));
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol hookAttribute, ConcurrentBag<(string, string, Location)> named)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (HookRules.FindHookAttribute(method, hookAttribute) is not { } attribute)
        {
            return;
        }

        var valid = HookRules.CheckMethod(method, attribute, context.ReportDiagnostic, context.CancellationToken);
        if (valid && method.ContainingType is { } type && HookRules.IsPartialChain(type, context.CancellationToken))
        {
            named.Add((HookRules.NameOf(method, attribute), type.ToDisplayString() + "." + method.Name, method.Locations[0]));
        }
    }

    /// <summary>
    /// Local functions and lambdas: symbol actions never see them, so their <c>[Hook]</c> is found from the syntax
    /// (the generator skips them by syntax too). Only ones with attributes are bound, which is almost none.
    /// </summary>
    private static void AnalyzeFunction(SyntaxNodeAnalysisContext context, INamedTypeSymbol hookAttribute)
    {
        var function = context.Node switch
        {
            LocalFunctionStatementSyntax { AttributeLists.Count: > 0 } local => context.SemanticModel.GetDeclaredSymbol(local, context.CancellationToken),
            ParenthesizedLambdaExpressionSyntax { AttributeLists.Count: > 0 } lambda => context.SemanticModel.GetSymbolInfo(lambda, context.CancellationToken).Symbol,
            _ => null,
        };
        if (function is IMethodSymbol method && HookRules.FindHookAttribute(method, hookAttribute) is { } attribute)
        {
            HookRules.CheckMethod(method, attribute, context.ReportDiagnostic, context.CancellationToken);
        }
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol hookAttribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        List<(IMethodSymbol Method, AttributeData Attribute)>? hooks = null;
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method && HookRules.FindHookAttribute(method, hookAttribute) is { } attribute)
            {
                (hooks ??= new()).Add((method, attribute));
            }
        }

        // An extension block can't be partial: its hooks get AGNH116, from the method rules.
        if (hooks is null || !type.CanBeReferencedByName)
        {
            return;
        }

        if (!HookRules.IsPartialChain(type, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HookTypeMustBePartial, type.Locations[0], type.Name));
            return;
        }

        var overloaded = hooks
            .Where(hook => HookRules.CheckMethod(hook.Method, hook.Attribute, report: null, context.CancellationToken))
            .GroupBy(hook => hook.Method.Name)
            .Where(group => group.Count() > 1);
        foreach (var group in overloaded)
        {
            foreach (var (method, _) in group)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OverloadedHookMethods, method.Locations[0], type.Name, method.Name));
            }
        }
    }

    private static void ReportDuplicateNames(CompilationAnalysisContext context, ConcurrentBag<(string Name, string Method, Location Location)> named)
    {
        // Overloads of one method share their default name too, but AGNH112 already says what is wrong with them.
        foreach (var group in named.GroupBy(hook => hook.Name).Where(group => group.Select(hook => hook.Method).Distinct().Count() > 1))
        {
            foreach (var (name, _, location) in group.OrderBy(hook => hook.Location.SourceTree?.FilePath).ThenBy(hook => hook.Location.SourceSpan.Start))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateHookName, location, name));
            }
        }
    }
}
