using Microsoft.CodeAnalysis;

namespace Agno.Hooks.Generators.Parsing;

/// <summary>
/// Recognises the types hooks care about by name, without looking them up in the compilation: cheap,
/// and it works the same in the generator and in the analyzers.
/// </summary>
internal static class KnownTypes
{
    public const string HookAttributeMetadataName = "Agno.Hooks.HookAttribute";

    public static bool IsHookAttribute(INamedTypeSymbol? type) => IsAgnoHooksType(type, "HookAttribute");

    public static bool IsRunInput(ITypeSymbol type) => IsAgnoHooksType(type, "RunInput");

    public static bool IsRunContext(ITypeSymbol type) => IsAgnoHooksType(type, "RunContext");

    public static bool IsBackgroundExecutionInfo(ITypeSymbol type) => IsAgnoHooksType(type, "BackgroundExecutionInfo");

    public static bool IsToolCall(ITypeSymbol type) => IsAgnoHooksType(type, "ToolCall");

    public static bool IsModelRequest(ITypeSymbol type) => IsAgnoHooksType(type, "ModelRequest");

    public static bool IsToolExecution(ITypeSymbol type) => IsAgnoHooksType(type, "ToolExecution");

    /// <summary>The <c>HookNext</c> delegate: the rest of the chain, for a hook around a tool call or a model request.</summary>
    public static bool IsHookNext(ITypeSymbol type) => IsAgnoHooksType(type, "HookNext");

    public static bool IsHookList(ITypeSymbol? type) => IsAgnoHooksType(type, "HookList");

    public static bool IsHookDescriptor(ITypeSymbol? type) => IsAgnoHooksType(type, "HookDescriptor");

    public static bool IsRunOutputOrSubclass(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsAgnoHooksType(current, "RunOutput"))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsHookOwner(ITypeSymbol type)
    {
        if (IsAgnoHooksType(type, "IHookOwner"))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsAgnoHooksType(implemented, "IHookOwner"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Microsoft Agent Framework's <c>Microsoft.Agents.AI.AIAgent</c>, by name: the generator never references it.</summary>
    public static bool IsAgentFrameworkAgent(ITypeSymbol type) => IsAgentFrameworkType(type, "AIAgent");

    /// <summary>Microsoft Agent Framework's <c>Microsoft.Agents.AI.AgentSession</c> or a subclass (<c>ChatClientAgentSession</c>), by name.</summary>
    public static bool IsAgentSession(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsAgentFrameworkType(current, "AgentSession"))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", Arity: 0 } named && IsNamespace(named.ContainingNamespace, "Threading", "System");

    public static bool IsTask(ITypeSymbol type) => IsTasksType(type, "Task");

    public static bool IsValueTask(ITypeSymbol type) => IsTasksType(type, "ValueTask");

    private static bool IsTasksType(ITypeSymbol type, string name) =>
        type is INamedTypeSymbol { Arity: 0 } named && named.Name == name
        && named.ContainingNamespace is { Name: "Tasks" } tasks && IsNamespace(tasks.ContainingNamespace, "Threading", "System");

    private static bool IsAgnoHooksType(ITypeSymbol? type, string name) =>
        type is INamedTypeSymbol { Arity: 0, ContainingType: null } named && named.Name == name
        && IsNamespace(named.ContainingNamespace, "Hooks", "Agno");

    private static bool IsAgentFrameworkType(ITypeSymbol? type, string name) =>
        type is INamedTypeSymbol { Arity: 0, ContainingType: null, TypeKind: TypeKind.Class } named && named.Name == name
        && named.ContainingNamespace is { Name: "AI" } ai && IsNamespace(ai.ContainingNamespace, "Agents", "Microsoft");

    /// <summary>True for <c>{parent}.{name}</c> directly under the global namespace.</summary>
    private static bool IsNamespace(INamespaceSymbol? ns, string name, string parent) =>
        ns is not null && ns.Name == name
        && ns.ContainingNamespace is { } parentNs && parentNs.Name == parent
        && parentNs.ContainingNamespace is { IsGlobalNamespace: true };
}
