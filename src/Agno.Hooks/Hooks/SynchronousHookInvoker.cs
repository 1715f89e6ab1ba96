namespace Agno.Hooks;

/// <summary>Invokes a synchronous (void) hook with arguments bound from <paramref name="context"/>.</summary>
/// <remarks>
/// Generated for every <c>void</c> hook, beside its <see cref="HookInvoker"/>: the pipeline calls it directly, so an
/// inline synchronous hook costs one delegate call, with no <see cref="ValueTask"/> to return and check.
/// </remarks>
public delegate void SynchronousHookInvoker(HookContext context);
