namespace Agno.Hooks;

/// <summary>Where a hook runs relative to the model call.</summary>
public enum HookStage
{
    /// <summary>Before the model: the hook sees (and may change) the run's input.</summary>
    Pre,

    /// <summary>After the model: the hook also sees (and may change) the run's output.</summary>
    Post,
}
