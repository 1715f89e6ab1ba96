namespace Agno.Hooks;

/// <summary>
/// Marks a method as a hook. The Agno.Hooks source generator emits a <see cref="HookDescriptor"/>
/// property named <c>{Method}Hook</c> next to it, with a typed dispatcher that binds the parameters
/// at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class HookAttribute : Attribute
{
    /// <summary>
    /// Runs the hook after the run has returned (after the HTTP response has been sent, under AgentOS),
    /// on copies of the run's input, output and context. Changes it makes are discarded.
    /// </summary>
    public bool RunInBackground { get; set; }

    /// <summary>
    /// A guardrail always runs inline, before any other hook, and may reject the run by throwing
    /// <see cref="InputCheckException"/> or <see cref="OutputCheckException"/>. It can't run in the background.
    /// </summary>
    public bool Guardrail { get; set; }

    /// <summary>The hook's stable name. Defaults to <c>Namespace.Type.Method</c>.</summary>
    public string? Name { get; set; }
}
