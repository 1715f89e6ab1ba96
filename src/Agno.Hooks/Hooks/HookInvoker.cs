namespace Agno.Hooks;

/// <summary>Invokes a hook with arguments bound from <paramref name="context"/>.</summary>
/// <remarks>
/// Generated dispatchers call the hook method directly and return <c>default</c> for a synchronous hook,
/// so a synchronous dispatch allocates nothing.
/// </remarks>
public delegate ValueTask HookInvoker(HookContext context);
