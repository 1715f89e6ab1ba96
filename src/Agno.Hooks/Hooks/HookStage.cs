namespace Agno.Hooks;

/// <summary>Where a hook runs relative to the model call.</summary>
public enum HookStage
{
    /// <summary>Before the model: the hook sees (and may change) the run's input.</summary>
    Pre,

    /// <summary>After the model: the hook also sees (and may change) the run's output.</summary>
    Post,
}

/// <summary>The stages a hook can be attached to.</summary>
[Flags]
public enum HookStages
{
    None = 0,
    Pre = 1,
    Post = 2,
    Any = Pre | Post,
}

/// <summary>The kind of owner (agent, team or workflow) a hook needs to be attached to.</summary>
public enum HookOwnerKind
{
    /// <summary>The hook does not bind an owner, or binds it as <see cref="IHookOwner"/>.</summary>
    Any,
    Agent,
    Team,
    Workflow,
}
