namespace Agno.Hooks;

/// <summary>
/// The rest of the chain, for a hook around a tool call or a model request: the hooks inside this one, then the tool or
/// the model. Awaiting it runs them; not calling it skips them (set <see cref="ToolCall.Result"/> or
/// <see cref="ModelRequest.Response"/> to answer instead), calling it again retries.
/// </summary>
public delegate ValueTask HookNext();
