namespace Agno.Hooks.Tests.Support;

/// <summary>Hand-built descriptors, for tests that need a hook the generator can't express (closures over test state).</summary>
internal static class TestHooks
{
    public static readonly HookParameter InputParameter = new("input", HookParameterKind.RunInput, typeof(RunInput));
    public static readonly HookParameter OutputParameter = new("output", HookParameterKind.RunOutput, typeof(RunOutput));
    public static readonly HookParameter AgentParameter = new("agent", HookParameterKind.Owner, typeof(Agent));

    public static HookDescriptor Pre(string name, Action<HookContext> body, bool background = false, bool guardrail = false) =>
        new(name, c => { body(c); return default; }, [InputParameter]) { RunInBackground = background, Guardrail = guardrail };

    public static HookDescriptor Post(string name, Action<HookContext> body, bool background = false, bool guardrail = false) =>
        new(name, c => { body(c); return default; }, [OutputParameter]) { RunInBackground = background, Guardrail = guardrail };

    /// <summary>A synchronous pre-hook, built the way the generator builds one for a void method.</summary>
    public static HookDescriptor PreSync(string name, Action<HookContext> body, bool background = false, bool guardrail = false) =>
        new(name, [InputParameter], c => body(c)) { RunInBackground = background, Guardrail = guardrail };

    public static HookDescriptor PostAsync(string name, Func<HookContext, Task> body, bool background = false) =>
        new(name, c => new ValueTask(body(c)), [OutputParameter]) { RunInBackground = background };

    public static HookDescriptor PreAsync(string name, Func<HookContext, Task> body, bool background = false) =>
        new(name, c => new ValueTask(body(c)), [InputParameter]) { RunInBackground = background };
}
