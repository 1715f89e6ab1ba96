using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Agno.Hooks.Generators.Diagnostics;
using Agno.Hooks.Generators.Model;
using Agno.Hooks.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Agno.Hooks.CodeFixes;

/// <summary>
/// AGNH001/AGNH002: "Run this hook in the foreground" removes <c>RunInBackground = true</c>; for a hook that
/// can be a pre-hook (no <c>RunOutput</c> parameter) writing its input, "Make this hook a guardrail" turns it
/// into <c>Guardrail = true</c>. Both fix every write of the hook at once, and Fix All fixes each hook once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BackgroundHookWriteCodeFix)), Shared]
public sealed class BackgroundHookWriteCodeFix : CodeFixProvider
{
    private const string Foreground = nameof(BackgroundHookWriteCodeFix) + ".Foreground";
    private const string Guardrail = nameof(BackgroundHookWriteCodeFix) + ".Guardrail";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.BackgroundHookWritesInput.Id,
        DiagnosticDescriptors.BackgroundHookWritesOutput.Id);

    // Several writes in one hook all point at the same attribute: fix per hook, not per diagnostic.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var makeGuardrail = context.CodeActionEquivalenceKey == Guardrail;
        var attributes = new HashSet<AttributeSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (HookAttributeAt(root, model, diagnostic, context.CancellationToken) is { } found
                && (!makeGuardrail || CanBeGuardrail(found.Method, diagnostic)))
            {
                attributes.Add(found.Attribute);
            }
        }

        return document.WithSyntaxRoot(root.ReplaceNodes(attributes, (original, _) => Rewrite(original, makeGuardrail)));
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (HookAttributeAt(root, model, diagnostic, context.CancellationToken) is not { } found)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Run this hook in the foreground",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(found.Attribute, Rewrite(found.Attribute, makeGuardrail: false)))),
                    equivalenceKey: Foreground),
                diagnostic);

            if (CanBeGuardrail(found.Method, diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Make this hook a guardrail",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(found.Attribute, Rewrite(found.Attribute, makeGuardrail: true)))),
                        equivalenceKey: Guardrail),
                    diagnostic);
            }
        }
    }

    /// <summary>The <c>[Hook]</c> of the method that contains the diagnostic's write.</summary>
    private static (AttributeSyntax Attribute, IMethodSymbol Method)? HookAttributeAt(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        foreach (var attribute in method.AttributeLists.SelectMany(list => list.Attributes))
        {
            if (model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is { } type && KnownTypes.IsHookAttribute(type)
                && attribute.ArgumentList?.Arguments.Any(IsRunInBackground) == true)
            {
                return (attribute, symbol);
            }
        }

        return null;
    }

    /// <summary>Only a hook that can run before the model, and that writes its input, is meant to be a guardrail.</summary>
    private static bool CanBeGuardrail(IMethodSymbol method, Diagnostic diagnostic) =>
        diagnostic.Id == DiagnosticDescriptors.BackgroundHookWritesInput.Id
        && method.Parameters.All(parameter => HookRules.Classify(parameter.Type, out _) != ParameterBinding.RunOutput);

    private static AttributeSyntax Rewrite(AttributeSyntax attribute, bool makeGuardrail)
    {
        var arguments = attribute.ArgumentList!.Arguments;
        var runInBackground = arguments.First(IsRunInBackground);
        if (makeGuardrail)
        {
            var guardrail = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals("Guardrail"),
                nameColon: null,
                SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)).WithTriviaFrom(runInBackground);
            return attribute.WithArgumentList(attribute.ArgumentList.WithArguments(arguments.Replace(runInBackground, guardrail)));
        }

        var remaining = arguments.Remove(runInBackground);
        return remaining.Count == 0
            ? attribute.WithArgumentList(null)
            : attribute.WithArgumentList(attribute.ArgumentList.WithArguments(remaining));
    }

    private static bool IsRunInBackground(AttributeArgumentSyntax argument) =>
        argument.NameEquals?.Name.Identifier.ValueText == "RunInBackground";
}
