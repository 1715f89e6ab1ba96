using System.Collections.Immutable;
using System.Linq;
using Agno.Hooks.Generators.Emitting;
using Agno.Hooks.Generators.Model;
using Agno.Hooks.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Agno.Hooks.Generators.Diagnostics;

/// <summary>
/// AGNH121/AGNH122: a generated hook added to an owner's hook list that would refuse it (<c>agent.PreHooks.Add(X.YHook)</c>,
/// <c>new Agent { PreHooks = { X.YHook } }</c>): it binds an argument that list's stage doesn't have, or runs in the
/// background where hooks run inline. The runtime's <c>HookList</c> throws when the hook is added; this says so while
/// typing. Lists are known by their property names on the owner interfaces, hooks by their generated descriptor property.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HookAttachmentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.HookAttachedWhereArgumentMissing,
        DiagnosticDescriptors.BackgroundHookAttachedToCall);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        HookCompilationStart.Register(context, static (start, hookAttribute) =>
        {
            // Syntax first: only calls and initializers on a property named like a hook list reach the semantic model.
            start.RegisterSyntaxNodeAction(context => AnalyzeCall(context, hookAttribute), SyntaxKind.InvocationExpression);
            start.RegisterSyntaxNodeAction(context => AnalyzeInitializer(context, hookAttribute), SyntaxKind.CollectionInitializerExpression);
        });
    }

    /// <summary><c>owner.PreHooks.Add(hook)</c> or <c>owner.PreHooks.Insert(index, hook)</c>.</summary>
    private static void AnalyzeCall(SyntaxNodeAnalysisContext context, INamedTypeSymbol hookAttribute)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method } access
            || !(method == "Add" && invocation.ArgumentList.Arguments.Count == 1 || method == "Insert" && invocation.ArgumentList.Arguments.Count == 2)
            || ListName(access.Expression) is not { } listName
            || !IsHookList(context, access.Expression))
        {
            return;
        }

        Check(context, invocation.ArgumentList.Arguments.Last().Expression, listName, hookAttribute);
    }

    /// <summary><c>new Agent { PreHooks = { hook, ... } }</c>.</summary>
    private static void AnalyzeInitializer(SyntaxNodeAnalysisContext context, INamedTypeSymbol hookAttribute)
    {
        var initializer = (InitializerExpressionSyntax)context.Node;
        if (initializer.Parent is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax list }
            || ListName(list) is not { } listName
            || !IsHookList(context, list))
        {
            return;
        }

        foreach (var element in initializer.Expressions)
        {
            // A { a, b } element calls Add with two arguments: not a HookList's.
            if (element is not InitializerExpressionSyntax)
            {
                Check(context, element, listName, hookAttribute);
            }
        }
    }

    private static void Check(SyntaxNodeAnalysisContext context, ExpressionSyntax argument, string listName, INamedTypeSymbol hookAttribute)
    {
        if (GeneratedHook(context, argument) is not { } hook || HookMethod(hook, hookAttribute) is not { } found)
        {
            return;
        }

        var (method, attribute) = found;
        var stage = HookPlacement.StageOfList(listName);
        var name = HookRules.NameOf(method, attribute);
        // A background hook in a list that runs none (before or around a call, model hooks), or after a tool call binding
        // what it can't have there; at the run's edges the argument check below says what is missing.
        if (HookSettings.Read(attribute).RunInBackground
            && (stage & (HookStages.Pre | HookStages.Post)) == 0
            && (HookPlacement.Allowed(method.Parameters.Select(p => HookRules.Classify(p.Type, out _)), runInBackground: true) & stage) == 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BackgroundHookAttachedToCall, argument.GetLocation(), name, listName));
            return;
        }

        // The first parameter the list can't bind, as the runtime names it.
        foreach (var parameter in method.Parameters)
        {
            var binding = HookRules.Classify(parameter.Type, out _);
            var where = HookPlacement.Of(binding);
            if ((where & stage) == 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.HookAttachedWhereArgumentMissing,
                    argument.GetLocation(),
                    name,
                    listName,
                    parameter.Name,
                    parameter.Type.Name,
                    HookPlacement.Describe(binding),
                    HookPlacement.ListNames(where, "and")));
                return;
            }
        }
    }

    /// <summary>The last name of <c>owner.PreHooks</c> or <c>PreHooks</c> when it is an owner's hook list's.</summary>
    private static string? ListName(ExpressionSyntax receiver)
    {
        var name = receiver switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
        return name is not null && HookPlacement.StageOfList(name) != HookStages.None ? name : null;
    }

    private static bool IsHookList(SyntaxNodeAnalysisContext context, ExpressionSyntax receiver) =>
        context.SemanticModel.GetSymbolInfo(receiver, context.CancellationToken).Symbol is IPropertySymbol property
        && KnownTypes.IsHookList(property.Type);

    /// <summary>A generated descriptor property (<c>X.YHook</c>, or its <c>.Named(...)</c>), or null.</summary>
    private static IPropertySymbol? GeneratedHook(SyntaxNodeAnalysisContext context, ExpressionSyntax argument)
    {
        var expression = argument;
        while (true)
        {
            expression = expression is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : expression;
            if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Named" } named }
                && context.SemanticModel.GetSymbolInfo(expression, context.CancellationToken).Symbol is IMethodSymbol method
                && KnownTypes.IsHookDescriptor(method.ContainingType))
            {
                expression = named.Expression;
                continue;
            }

            break;
        }

        return context.SemanticModel.GetSymbolInfo(expression, context.CancellationToken).Symbol is IPropertySymbol { IsStatic: true } property
            && property.Name.EndsWith("Hook", System.StringComparison.Ordinal)
            && KnownTypes.IsHookDescriptor(property.Type)
            && property.GetAttributes().Any(IsGeneratorsGeneratedCode)
                ? property
                : null;
    }

    /// <summary>The <c>[Hook]</c> method a descriptor property was generated for.</summary>
    private static (IMethodSymbol Method, AttributeData Attribute)? HookMethod(IPropertySymbol descriptor, INamedTypeSymbol hookAttribute)
    {
        (IMethodSymbol, AttributeData)? found = null;
        foreach (var member in descriptor.ContainingType.GetMembers(descriptor.Name.Substring(0, descriptor.Name.Length - "Hook".Length)))
        {
            if (member is IMethodSymbol method && HookRules.FindHookAttribute(method, hookAttribute) is { } attribute)
            {
                if (found is not null)
                {
                    // Overloads (AGNH112): the generator emitted nothing for them.
                    return null;
                }

                found = (method, attribute);
            }
        }

        return found;
    }

    private static bool IsGeneratorsGeneratedCode(AttributeData attribute) =>
        attribute.AttributeClass is { Name: "GeneratedCodeAttribute" }
        && attribute.ConstructorArguments.Length > 0
        && attribute.ConstructorArguments[0].Value is HookEmitter.GeneratorName;
}
