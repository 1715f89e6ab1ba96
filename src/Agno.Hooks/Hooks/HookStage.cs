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

    /// <summary>Before each request to the model: the hook sees the request (<see cref="ModelRequest"/>), may change it or answer in the model's place.</summary>
    PreModelCall,

    /// <summary>After each request to the model: the hook sees the response, and may change it.</summary>
    PostModelCall,

    /// <summary>Around each request to the model: the hook gets the next step (<see cref="HookNext"/>).</summary>
    ModelCall,
}
