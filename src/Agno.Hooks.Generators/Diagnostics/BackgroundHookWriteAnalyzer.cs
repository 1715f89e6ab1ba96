using System.Collections.Immutable;
using Agno.Hooks.Generators.Analysis;
using Agno.Hooks.Generators.Model;
using Agno.Hooks.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Agno.Hooks.Generators.Diagnostics;

/// <summary>
/// AGNH001/AGNH002: a background hook writes its <c>RunInput</c> or <c>RunOutput</c>. It works on a copy,
/// so the write is lost. Reported at the write itself.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BackgroundHookWriteAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.BackgroundHookWritesInput,
        DiagnosticDescriptors.BackgroundHookWritesOutput);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        HookCompilationStart.Register(context, static (start, hookAttribute) =>
        {
            // Operations are asked for background hooks only: registering for every method body would make the
            // driver build operation trees for the whole compilation.
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (symbolStart.Symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                        && HookRules.FindHookAttribute(method, hookAttribute) is { } attribute
                        && HookSettings.Read(attribute).RunInBackground)
                    {
                        symbolStart.RegisterOperationBlockAction(context => Analyze(context, method));
                    }
                },
                SymbolKind.Method);
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, IMethodSymbol method)
    {
        HookWriteAnalysis.FindWrites(
            method,
            context.OperationBlocks,
            write => context.ReportDiagnostic(Diagnostic.Create(
                write.Binding == ParameterBinding.RunInput ? DiagnosticDescriptors.BackgroundHookWritesInput : DiagnosticDescriptors.BackgroundHookWritesOutput,
                write.Operation.Syntax.GetLocation(),
                method.Name,
                write.Parameter.Type.Name,
                write.Member)),
            context.CancellationToken);
    }
}
