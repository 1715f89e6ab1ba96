using System;
using System.Linq;
using System.Threading;
using Agno.Hooks.Generators.Diagnostics;
using Agno.Hooks.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Agno.Hooks.Generators.Parsing;

/// <summary>
/// What makes a <c>[Hook]</c> declaration valid. The analyzer reports these rules; the generator asks the
/// same questions and skips what fails, so the two can never disagree.
/// </summary>
internal static class HookRules
{
    /// <summary>
    /// Checks one hook method, reporting each problem to <paramref name="report"/> when given.
    /// Returns true when the generator can emit the hook (warnings don't prevent it).
    /// Type-wide rules (partial, overloads, duplicate names) are checked separately.
    /// </summary>
    public static bool CheckMethod(IMethodSymbol method, AttributeData attribute, Action<Diagnostic>? report, CancellationToken cancellationToken)
    {
        var methodLocation = method.Locations.Length > 0 ? method.Locations[0] : Location.None;
        var valid = true;

        void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] args)
        {
            if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                valid = false;
            }

            report?.Invoke(Diagnostic.Create(descriptor, location ?? methodLocation, args));
        }

        if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
        {
            // A lambda has no name to point at; its [Hook] is what has to move.
            var isLambda = method.MethodKind == MethodKind.AnonymousFunction;
            Report(
                DiagnosticDescriptors.HookMustBeMethodOfType,
                isLambda ? AttributeLocation(attribute, cancellationToken) : null,
                isLambda ? "a lambda" : $"local function '{method.Name}'");
            return false;
        }

        if (!method.ContainingType.CanBeReferencedByName)
        {
            // A C# 14 extension block: generated code can neither name it nor add a property to it.
            Report(DiagnosticDescriptors.HookMustBeMethodOfType, null, $"'{method.Name}', a member of an extension block");
            return false;
        }

        if (method.MethodKind != MethodKind.Ordinary)
        {
            Report(DiagnosticDescriptors.UnsupportedHookMethod, null, method.Name, Describe(method.MethodKind));
            return false;
        }

        if (FileLocalType(method.ContainingType) is { } fileLocal)
        {
            Report(DiagnosticDescriptors.HookInFileLocalType, null, method.Name, fileLocal.Name);
        }

        if (method.IsGenericMethod || IsInGenericType(method.ContainingType))
        {
            Report(DiagnosticDescriptors.HookMustNotBeGeneric, null, method.Name);
        }

        if (method.ReturnType.TypeKind == TypeKind.Error)
        {
            valid = false;
        }
        else if (method.ReturnsVoid && method.IsAsync)
        {
            Report(DiagnosticDescriptors.HookMustNotBeAsyncVoid, null, method.Name);
        }
        else if (!method.ReturnsVoid && !KnownTypes.IsTask(method.ReturnType) && !KnownTypes.IsValueTask(method.ReturnType))
        {
            Report(DiagnosticDescriptors.UnsupportedReturnType, ReturnTypeLocation(method, cancellationToken), method.Name, method.ReturnType.ToDisplayString());
        }

        if (method.IsVararg)
        {
            Report(DiagnosticDescriptors.HookTakesArgList, ArgListLocation(method, cancellationToken), method.Name);
        }

        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = FirstLocation(parameter);
            if (parameter.RefKind != RefKind.None)
            {
                Report(DiagnosticDescriptors.ParameterPassedByReference, parameterLocation, parameter.Name, method.Name, RefKeyword(parameter.RefKind));
            }
            else if (CompilerRejects(parameter.Type))
            {
                // The compiler already reports it; a second error would only be noise.
                valid = false;
            }
            else if (parameter.Type.TypeKind != TypeKind.TypeParameter && !CanBind(parameter.Type))
            {
                Report(DiagnosticDescriptors.UnbindableParameter, parameterLocation, parameter.Name, method.Name, parameter.Type.ToDisplayString());
            }
        }

        var settings = HookSettings.Read(attribute);
        if (settings.RunInBackground)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind == RefKind.None && !CompilerRejects(parameter.Type) && KnownTypes.IsAgentSession(parameter.Type))
                {
                    Report(DiagnosticDescriptors.BackgroundHookBindsSession, FirstLocation(parameter), method.Name, parameter.Name, parameter.Type.Name);
                }
            }
        }

        // Tool calls, model requests and the next step exist only at a call, inline: the runtime's HookList refuses the rest.
        IParameterSymbol? toolCall = null, modelRequest = null, next = null, firstAtCall = null;
        var firstAtCallBinding = ParameterBinding.Service;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || CompilerRejects(parameter.Type))
            {
                continue;
            }

            var binding = Classify(parameter.Type, out _);
            if (binding is ParameterBinding.ToolCall or ParameterBinding.ModelRequest or ParameterBinding.Next)
            {
                if (firstAtCall is null)
                {
                    firstAtCall = parameter;
                    firstAtCallBinding = binding;
                }
            }

            toolCall ??= binding == ParameterBinding.ToolCall ? parameter : null;
            modelRequest ??= binding == ParameterBinding.ModelRequest ? parameter : null;
            next ??= binding == ParameterBinding.Next ? parameter : null;
        }

        if (settings.RunInBackground && firstAtCall is not null)
        {
            Report(
                DiagnosticDescriptors.CallHookInBackground,
                FirstLocation(firstAtCall),
                method.Name,
                HookPlacement.Describe(firstAtCallBinding),
                firstAtCall.Name);
        }

        if (toolCall is not null && modelRequest is not null)
        {
            var later = toolCall.Ordinal > modelRequest.Ordinal ? toolCall : modelRequest;
            Report(DiagnosticDescriptors.HookBindsToolCallAndModelRequest, FirstLocation(later), method.Name, toolCall.Name, modelRequest.Name);
        }

        // An async void hook already has AGNH103, which asks for the same fix.
        if (next is not null && method.ReturnsVoid && !method.IsAsync)
        {
            Report(DiagnosticDescriptors.HookAroundReturnsVoid, ReturnTypeLocation(method, cancellationToken), method.Name, next.Name);
        }

        if (settings.Guardrail && settings.RunInBackground)
        {
            Report(DiagnosticDescriptors.GuardrailInBackground, AttributeLocation(attribute, cancellationToken), method.Name);
        }

        if (settings.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            Report(DiagnosticDescriptors.InvalidHookName, AttributeLocation(attribute, cancellationToken), method.Name, DefaultName(method));
        }

        if (!method.IsStatic && method.ContainingType.TypeKind != TypeKind.Class)
        {
            Report(DiagnosticDescriptors.InstanceHookOutsideClass, null, method.Name, KindName(method.ContainingType), method.ContainingType.Name);
        }

        if (!IsAccessibleInAssembly(method.ContainingType))
        {
            Report(DiagnosticDescriptors.HookTypeNotAccessible, null, method.Name, method.Name + "Hook");
        }

        return valid;
    }

    /// <summary>The method's <c>[Hook]</c>, or null.</summary>
    public static AttributeData? FindHookAttribute(IMethodSymbol method, INamedTypeSymbol hookAttribute)
    {
        // The compiler's own methods have no [Hook] of their own: the implementation of an extension block's member
        // copies the member's attributes, and the member itself is what gets reported.
        if (method.IsImplicitlyDeclared)
        {
            return null;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, hookAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="type"/> and every type containing it are declared partial.</summary>
    public static bool IsPartialChain(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (!IsPartial(current, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name a hook gets without <c>Name</c>: <c>Namespace.Type.Method</c>.</summary>
    public static string DefaultName(IMethodSymbol method) =>
        method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + method.Name;

    /// <summary>The name the hook is registered under.</summary>
    public static string NameOf(IMethodSymbol method, AttributeData attribute) =>
        HookSettings.Read(attribute).Name is { } name && !string.IsNullOrWhiteSpace(name) ? name : DefaultName(method);

    /// <summary>How a parameter of this type is bound, or null when it can't be.</summary>
    public static ParameterBinding Classify(ITypeSymbol type, out bool needsCast)
    {
        needsCast = false;
        if (KnownTypes.IsRunInput(type))
        {
            return ParameterBinding.RunInput;
        }

        if (KnownTypes.IsRunOutputOrSubclass(type))
        {
            needsCast = type.Name != "RunOutput" || type.ContainingType is not null;
            return ParameterBinding.RunOutput;
        }

        if (KnownTypes.IsRunContext(type))
        {
            return ParameterBinding.RunContext;
        }

        if (KnownTypes.IsCancellationToken(type))
        {
            return ParameterBinding.CancellationToken;
        }

        if (KnownTypes.IsBackgroundExecutionInfo(type))
        {
            return ParameterBinding.BackgroundExecutionInfo;
        }

        if (KnownTypes.IsToolCall(type))
        {
            return ParameterBinding.ToolCall;
        }

        if (KnownTypes.IsModelRequest(type))
        {
            return ParameterBinding.ModelRequest;
        }

        if (KnownTypes.IsToolExecution(type))
        {
            return ParameterBinding.ToolExecution;
        }

        if (KnownTypes.IsHookNext(type))
        {
            return ParameterBinding.Next;
        }

        if (KnownTypes.IsHookOwner(type))
        {
            needsCast = type.Name != "IHookOwner";
            return ParameterBinding.Owner;
        }

        // Another runtime's agent is the owner too: its hooks layer is the IHookOwner the hook is attached to.
        if (KnownTypes.IsAgentFrameworkAgent(type))
        {
            needsCast = true;
            return ParameterBinding.Owner;
        }

        if (KnownTypes.IsAgentSession(type))
        {
            needsCast = true;
            return ParameterBinding.Session;
        }

        return ParameterBinding.Service;
    }

    /// <summary>Code in the rest of the assembly can name the type (so the registration table can list it).</summary>
    public static bool IsAccessibleInAssembly(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return false;
            }
        }

        return true;
    }

    private static INamedTypeSymbol? FileLocalType(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return current;
            }
        }

        return null;
    }

    private static bool IsInGenericType(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether DI or the run could ever supply a value of this type (and <c>typeof</c> can name it).</summary>
    private static bool CanBind(ITypeSymbol type)
    {
        switch (type)
        {
            case { TypeKind: TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic }:
            case { IsRefLikeType: true }:
            case { SpecialType: SpecialType.System_Void }:
            case INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }:
                return false;
            case IArrayTypeSymbol array:
                return CanBind(array.ElementType);
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    if (argument.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic || (argument is not ITypeParameterSymbol && !CanBind(argument)))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// A type the compiler already reports in this signature: an unknown one, or a file-local one in a type that
    /// isn't (CS9051; the generated file, being another file, couldn't even name it).
    /// </summary>
    private static bool CompilerRejects(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        INamedTypeSymbol { IsFileLocal: true } => true,
        IArrayTypeSymbol array => CompilerRejects(array.ElementType),
        IPointerTypeSymbol pointer => CompilerRejects(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(CompilerRejects) || (named.ContainingType is { } outer && CompilerRejects(outer)),
        _ => false,
    };

    private static Location? FirstLocation(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : null;

    private static Location? ReturnTypeLocation(IMethodSymbol method, CancellationToken cancellationToken) =>
        Declaration(method, cancellationToken)?.ReturnType.GetLocation();

    /// <summary>Where <c>__arglist</c> is written: the parameter list's last entry.</summary>
    private static Location? ArgListLocation(IMethodSymbol method, CancellationToken cancellationToken) =>
        Declaration(method, cancellationToken)?.ParameterList.Parameters.LastOrDefault(p => p.Identifier.IsKind(SyntaxKind.ArgListKeyword))?.GetLocation();

    private static MethodDeclarationSyntax? Declaration(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
            {
                return declaration;
            }
        }

        return null;
    }

    private static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static string RefKeyword(RefKind kind) => kind switch
    {
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.Ref => "ref",
        _ => "ref readonly",
    };

    private static string KindName(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "type",
    };

    private static string Describe(MethodKind kind) => kind switch
    {
        MethodKind.PropertyGet or MethodKind.PropertySet => "a property accessor",
        MethodKind.EventAdd or MethodKind.EventRemove => "an event accessor",
        MethodKind.UserDefinedOperator or MethodKind.Conversion => "an operator",
        MethodKind.ExplicitInterfaceImplementation => "an explicit interface implementation",
        MethodKind.Destructor => "a finalizer",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
