namespace Agno.Hooks;

/// <summary>An owner whose model calls tools, and whose hooks run at each call: before it, after it, and around it.</summary>
public interface IToolHookOwner : IHookOwner
{
    /// <summary>Before each tool call: they may change its arguments, refuse it, or reject the run. Guardrails first.</summary>
    HookList PreToolHooks { get; }

    /// <summary>After each tool call: they may change its result before the model sees it, or reject the run. Guardrails first.</summary>
    HookList PostToolHooks { get; }

    /// <summary>
    /// Around each tool call (Agno's <c>tool_hooks</c>): each gets the next step (<see cref="HookNext"/>), the first
    /// outermost, and may take it, skip it, or take it again.
    /// </summary>
    HookList ToolHooks { get; }
}
