namespace Agno.Hooks;

/// <summary>
/// The rest of the chain, for a hook around a tool call: the hooks inside this one, then the tool. Awaiting it runs them;
/// not calling it skips them (set <see cref="ToolCall.Result"/> to answer instead), calling it again retries.
/// </summary>
public delegate ValueTask HookNext();
