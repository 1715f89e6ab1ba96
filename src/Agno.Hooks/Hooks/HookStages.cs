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

    /// <summary>The stages of a tool call: before, after and around it.</summary>
    ToolCalls = PreToolCall | PostToolCall | ToolCall,
    Any = Pre | Post | ToolCalls,
}
