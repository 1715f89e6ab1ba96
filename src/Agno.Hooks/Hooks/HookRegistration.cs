namespace Agno.Hooks;

/// <summary>The hooks of one generated registry, as registered by <c>services.AddAgnoHooksFrom&lt;AgnoHooks&gt;()</c>.</summary>
public sealed class HookRegistration(IReadOnlyList<HookDescriptor> hooks)
{
    public IReadOnlyList<HookDescriptor> Hooks { get; } = hooks ?? throw new ArgumentNullException(nameof(hooks));
}
