namespace Agno.Hooks;

/// <summary>Maps the types a hook may bind to the owner kind they imply.</summary>
internal static class HookOwnerTypes
{
    public static HookOwnerKind KindOf(Type type) =>
        type == typeof(Agent) ? HookOwnerKind.Agent
        : type == typeof(Team) || type == typeof(TeamRunOutput) ? HookOwnerKind.Team
        : type == typeof(Workflow) || type == typeof(WorkflowRunOutput) ? HookOwnerKind.Workflow
        : HookOwnerKind.Any;

    public static string Describe(HookOwnerKind kind) => kind switch
    {
        HookOwnerKind.Agent => "an agent",
        HookOwnerKind.Team => "a team",
        HookOwnerKind.Workflow => "a workflow",
        _ => "any owner",
    };
}
