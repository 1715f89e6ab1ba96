using System.Text.Json.Nodes;

namespace Agno.Hooks;

/// <summary>
/// Per-run settings, for <see cref="Runnable.RunAsync"/>, <see cref="Runnable.RunStreamingAsync"/> and any owner's run
/// through <see cref="HookPipeline.RunAsync"/>.
/// </summary>
/// <remarks>A record: <c>options with { Session = session }</c> copies it with a change.</remarks>
public sealed record RunOptions
{
    internal static readonly RunOptions Default = new();

    /// <summary>The session; a new UUID when null or empty.</summary>
    public string? SessionId { get; init; }

    public string? UserId { get; init; }

    /// <summary>The run's id; a new UUID when null or empty.</summary>
    public string? RunId { get; init; }

    public JsonObject? Metadata { get; init; }

    public JsonObject? SessionState { get; init; }

    /// <summary>Other arguments for the run's context (AgentOS passes a request's extra form fields).</summary>
    public JsonObject? Arguments { get; init; }

    /// <summary>Earlier messages of the conversation.</summary>
    public IReadOnlyList<RunMessage>? Messages { get; init; }

    /// <summary>Services for inline hooks; defaults to the parent run's, then the owner's <c>Services</c>.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>
    /// Where the run's background hooks go; defaults to the <see cref="IBackgroundHookQueue"/> in the
    /// owner's services. AgentOS passes a <see cref="DeferredBackgroundHookQueue"/> and flushes it once
    /// the response has been sent.
    /// </summary>
    public IBackgroundHookQueue? BackgroundQueue { get; init; }

    /// <summary>
    /// The run this one is nested in (a team member or workflow step run by hand): its services and background
    /// setting carry over, and this run's background work joins the parent's.
    /// </summary>
    public HookRun? Parent { get; init; }

    /// <summary>Overrides <see cref="AgnoHooksOptions.RunHooksInBackground"/> for this run.</summary>
    public bool? RunHooksInBackground { get; init; }

    /// <summary>How deep this run is nested in a team or workflow run; 0 at top level.</summary>
    public int NestedDepth { get; init; }

    /// <summary>Hooks that run before this owner's own pre-hooks in this run (AgentOS's OS-wide hooks); guardrails still first.</summary>
    public IReadOnlyList<HookDescriptor>? PreHooks { get; init; }

    /// <summary>Hooks that run after this owner's own post-hooks in this run (AgentOS's OS-wide hooks).</summary>
    public IReadOnlyList<HookDescriptor>? PostHooks { get; init; }

    /// <summary>
    /// The session object of the owner's own runtime (a Microsoft Agent Framework <c>AgentSession</c>), for inline hooks
    /// that bind it (<see cref="HookParameterKind.Session"/>); a nested run inherits its parent's.
    /// </summary>
    public object? Session { get; init; }
}
