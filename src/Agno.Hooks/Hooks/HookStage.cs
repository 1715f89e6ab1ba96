namespace Agno.Hooks;

/// <summary>Where a hook runs relative to the model call.</summary>
public enum HookStage
{
    /// <summary>Before the model: the hook sees (and may change) the run's input.</summary>
    Pre,

    /// <summary>After the model: the hook also sees (and may change) the run's output.</summary>
    Post,

    /// <summary>Before each tool call: the hook sees the call (<see cref="Agno.Hooks.ToolCall"/>), may change its arguments or refuse it.</summary>
    PreToolCall,

    /// <summary>After each tool call: the hook sees the call with its result, and may change the result.</summary>
    PostToolCall,

    /// <summary>Around each tool call: the hook gets the next step (<see cref="HookNext"/>) and decides whether, and how often, to take it.</summary>
    ToolCall,
}
