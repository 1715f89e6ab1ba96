namespace Agno.Hooks;

/// <summary>The stages a hook can be attached to.</summary>
[Flags]
public enum HookStages
{
    None = 0,
    Pre = 1,
    Post = 2,
    PreToolCall = 4,
    PostToolCall = 8,
    ToolCall = 16,

    PreModelCall = 32,
    PostModelCall = 64,
    ModelCall = 128,

    /// <summary>The stages of a tool call: before, after and around it.</summary>
    ToolCalls = PreToolCall | PostToolCall | ToolCall,

    /// <summary>The stages of a model request: before, after and around it.</summary>
    ModelCalls = PreModelCall | PostModelCall | ModelCall,
    Any = Pre | Post | ToolCalls | ModelCalls,
}
