namespace Agno.Hooks;

/// <summary>Per-run choices for <see cref="HookPipeline.StartRun"/>.</summary>
public sealed class HookRunOptions
{
    /// <summary>Services for inline hooks; a parent run's when nested, none otherwise.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Overrides <see cref="AgnoHooksOptions.RunHooksInBackground"/> for this run.</summary>
    public bool? RunHooksInBackground { get; init; }

    /// <summary>
    /// Where this run's background work goes when it completes; the pipeline's <see cref="HookPipeline.Background"/>
    /// when null. Pass a <see cref="DeferredBackgroundHookQueue"/> to hold it until a response has been sent.
    /// </summary>
    public IBackgroundHookQueue? Background { get; init; }

    /// <summary>
    /// The session object of the owner's own runtime (a Microsoft Agent Framework <c>AgentSession</c>), for inline
    /// hooks that bind it (<see cref="HookParameterKind.Session"/>); a nested run inherits its parent's.
    /// </summary>
    public object? Session { get; init; }

    /// <summary>
    /// The run this one is nested in (a team member, a workflow step). Its services and background setting are
    /// inherited, and its background work joins the parent's, to be handed over only if the parent is not rejected.
    /// </summary>
    public HookRun? Parent { get; init; }

    /// <summary>
    /// Pre-hooks of the whole host (AgentOS's OS-wide hooks) that run before the owner's own, with the same rules:
    /// guardrails of both lists first, then the other inline hooks in order. Not passed on to nested runs.
    /// </summary>
    public IReadOnlyList<HookDescriptor>? PreHooks { get; init; }

    /// <summary>Post-hooks of the whole host that run after the owner's own, with the same rules.</summary>
    public IReadOnlyList<HookDescriptor>? PostHooks { get; init; }
}
