namespace Agno.Hooks;

/// <summary>The stages a hook can be attached to.</summary>
[Flags]
public enum HookStages
{
    None = 0,
    Pre = 1,
    Post = 2,
    Any = Pre | Post,
}
