namespace Agno.Hooks;

/// <summary>The kind of owner (agent, team or workflow) a hook needs to be attached to.</summary>
public enum HookOwnerKind
{
    /// <summary>The hook does not bind an owner, or binds it as <see cref="IHookOwner"/>.</summary>
    Any,
    Agent,
    Team,
    Workflow,
}
