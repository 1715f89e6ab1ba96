namespace Agno.Hooks;

/// <summary>Maps the types a hook may bind to the owner kind they imply.</summary>
internal static class HookOwnerTypes
{
    public static HookOwnerKind KindOf(Type type) =>
        type == typeof(Agent) ? HookOwnerKind.Agent
        : type == typeof(Team) || type == typeof(TeamRunOutput) ? HookOwnerKind.Team
        : type == typeof(Workflow) || type == typeof(WorkflowRunOutput) ? HookOwnerKind.Workflow
        : HookOwnerKind.Any;

    /// <summary>What an owner of <paramref name="type"/> is, for messages: ours by kind, another runtime's by type name.</summary>
    public static string Describe(Type type) => KindOf(type) != HookOwnerKind.Any
        ? $"an Agno.Hooks {type.Name}"
        : $"an owner of type {type.FullName ?? type.Name}";

    /// <summary>What <paramref name="owner"/> is, for messages: an Agno.Hooks Agent, or an agent of another runtime (by its type).</summary>
    public static string Describe(IHookOwner owner) => owner switch
    {
        Agent => "an Agno.Hooks Agent",
        Team => "an Agno.Hooks Team",
        Workflow => "an Agno.Hooks Workflow",
        _ => $"{Describe(owner.Kind)} of type {owner.GetType().Name}",
    };

    public static string Describe(HookOwnerKind kind) => kind switch
    {
        HookOwnerKind.Agent => "an agent",
        HookOwnerKind.Team => "a team",
        HookOwnerKind.Workflow => "a workflow",
        _ => "any owner",
    };
}
