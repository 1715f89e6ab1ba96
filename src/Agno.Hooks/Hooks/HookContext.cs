using System.ComponentModel;

namespace Agno.Hooks;

/// <summary>
/// The arguments available to one hook invocation. Generated dispatchers read the parameters they
/// need from it; nothing here is looked up by reflection.
/// </summary>
public sealed class HookContext
{
    public HookContext(
        HookStage stage,
        IHookOwner owner,
        RunContext run,
        RunInput input,
        RunOutput? output,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(services);
        if (stage == HookStage.Post && output is null)
        {
            throw new ArgumentException("A post-hook context needs the run's output.", nameof(output));
        }

        Stage = stage;
        Owner = owner;
        Run = run;
        Input = input;
        Output = output;
        Services = services;
        CancellationToken = cancellationToken;
    }

    public HookStage Stage { get; }

    /// <summary>The agent, team or workflow the hook is attached to.</summary>
    public IHookOwner Owner { get; }

    public RunContext Run { get; }

    public RunInput Input { get; }

    /// <summary>The run's output; null in a pre-hook.</summary>
    public RunOutput? Output { get; }

    /// <summary>Services for this invocation: the run's, or a fresh scope per background execution.</summary>
    public IServiceProvider Services { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>For a background hook, the execution it runs as (its stable id and attempt); null inline.</summary>
    public BackgroundHookWorkItem? Execution { get; init; }

    /// <summary>What a <see cref="Agno.Hooks.BackgroundExecutionInfo"/>? parameter binds: the background execution's id and attempt; null inline.</summary>
    /// <remarks>Read by generated dispatchers; a hook binds the parameter instead.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BackgroundExecutionInfo? BackgroundExecution => Execution?.Identity;

    /// <summary>What a <see cref="Agno.Hooks.BackgroundExecutionInfo"/> parameter binds; only background hooks have one.</summary>
    /// <remarks>Read by generated dispatchers; a hook binds the parameter instead.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public BackgroundExecutionInfo RequiredBackgroundExecution =>
        BackgroundExecution ?? throw new InvalidOperationException("This hook binds BackgroundExecutionInfo, which only background hooks have: make it RunInBackground, or declare the parameter nullable (BackgroundExecutionInfo?) to get null when it runs inline.");

    /// <summary>
    /// The session object of the owner's own runtime for this run (a Microsoft Agent Framework <c>AgentSession</c>),
    /// as the owner passed it in <see cref="RunOptions.Session"/>; null for owners without one, and for
    /// background executions (a session is live and shared with later runs, so it is never handed to the background).
    /// </summary>
    public object? Session { get; init; }

    /// <summary>The session, for hooks that bind one.</summary>
    /// <remarks>Read by generated dispatchers; a hook binds the parameter instead.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public object RequiredSession =>
        Session ?? throw new InvalidOperationException(Execution is null
            ? $"A hook of '{Owner.Id}' binds the run's session, but this run has none: only owners of a runtime with sessions (a Microsoft Agent Framework agent) pass one."
            : $"Background hook '{Execution.HookName}' binds the run's session, which only inline hooks get: a session is live and shared with later runs, so it is never handed to the background. Make the hook inline, or bind RunContext (its SessionId) instead.");

    /// <summary>
    /// A service for a hook's parameter or instance, from <see cref="Services"/>. What generated dispatchers call: one
    /// <see cref="IServiceProvider.GetService"/>, without the extension method's probe for <c>ISupportRequiredService</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Nothing of type <typeparamref name="T"/> is registered.</exception>
    /// <remarks>Called by generated dispatchers; a hook binds the service as a parameter instead.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public T GetRequiredService<T>()
        where T : notnull =>
        Services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException($"No service of type '{typeof(T)}' is registered, and a hook needs it: register it in the services the run resolves from (services.AddSingleton<{typeof(T).Name}>(...), or the hook class with services.AddAgnoHooksFrom<AgnoHooks>()).");

    /// <summary>The tool call, for a tool hook; null otherwise.</summary>
    public ToolCall? ToolCall { get; init; }

    /// <summary>
    /// The record of the tool call, for a tool hook: the live one inline (<see cref="ToolCall.Execution"/>), a copy as the
    /// call ended for a background hook after it.
    /// </summary>
    public ToolExecution? ToolExecution => ToolCall?.Execution ?? Execution?.Tool;

    /// <summary>The record of the tool call, for hooks that bind one (which the stage check limits to tool hooks).</summary>
    /// <remarks>Read by generated dispatchers; a hook binds the parameter instead.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ToolExecution RequiredToolExecution =>
        ToolExecution ?? throw new InvalidOperationException("This hook needs a tool call's record, which only tool hooks have.");

    /// <summary>The model request, for a model hook; null otherwise.</summary>
    public ModelRequest? ModelRequest { get; init; }

    /// <summary>The model request, for hooks that bind one (which the stage check limits to model hooks).</summary>
    /// <remarks>Read by generated dispatchers; a hook binds the parameter instead.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ModelRequest RequiredModelRequest =>
        ModelRequest ?? throw new InvalidOperationException("This hook needs a model request, which only model hooks have.");

    /// <summary>For a hook around a tool call or a model request: the rest of the chain; null otherwise.</summary>
    public HookNext? Next { get; init; }

    /// <summary>The tool call, for hooks that bind one (which the stage check limits to tool hooks).</summary>
    /// <remarks>Read by generated dispatchers; a hook binds the parameter instead.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ToolCall RequiredToolCall =>
        ToolCall ?? throw new InvalidOperationException("This hook needs a tool call, which only tool hooks have.");

    /// <summary>The next step, for hooks that bind one (which the stage check limits to hooks around a tool call).</summary>
    /// <remarks>Read by generated dispatchers; a hook binds the parameter instead.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public HookNext RequiredNext =>
        Next ?? throw new InvalidOperationException("This hook needs the next step, which only hooks around a tool call or a model request have.");

    /// <summary>This context with other services: what a named instance's hook sees (<see cref="HookDescriptor.Named"/>).</summary>
    internal HookContext WithServices(IServiceProvider services) =>
        new(Stage, Owner, Run, Input, Output, services, CancellationToken) { Execution = Execution, Session = Session, ToolCall = ToolCall, ModelRequest = ModelRequest, Next = Next };

    /// <summary>The output, for hooks that bind one (which the stage check limits to post-hooks).</summary>
    /// <remarks>Read by generated dispatchers; a hook binds the parameter instead.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RunOutput RequiredOutput =>
        Output ?? throw new InvalidOperationException("This hook needs the run's output, which only post-hooks have.");
}
