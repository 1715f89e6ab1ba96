namespace Agno.Hooks;

/// <summary>How a hook parameter is bound when the hook is invoked.</summary>
public enum HookParameterKind
{
    /// <summary><see cref="Agno.Hooks.RunInput"/>.</summary>
    RunInput,

    /// <summary><see cref="Agno.Hooks.RunOutput"/> or a subtype; only post-hooks have one.</summary>
    RunOutput,

    /// <summary>The agent, team or workflow the hook is attached to.</summary>
    Owner,

    /// <summary><see cref="Agno.Hooks.RunContext"/>.</summary>
    RunContext,

    /// <summary>The run's <see cref="System.Threading.CancellationToken"/> (for a background hook: the executor's, with its timeout).</summary>
    CancellationToken,

    /// <summary>Any other type, resolved from the run's <see cref="IServiceProvider"/>.</summary>
    Service,

    /// <summary><see cref="Agno.Hooks.BackgroundExecutionInfo"/>: the background execution's stable id and attempt.</summary>
    BackgroundExecutionInfo,

    /// <summary>
    /// The session object of the owner's own runtime (a Microsoft Agent Framework <c>AgentSession</c>), from
    /// <see cref="HookContext.Session"/>. It is live, not a copy, so only inline hooks get it.
    /// </summary>
    Session,

    /// <summary><see cref="Agno.Hooks.ToolCall"/>: the tool call a tool hook runs for; only tool hooks have one.</summary>
    ToolCall,

    /// <summary><see cref="Agno.Hooks.HookNext"/>: the rest of the chain, for a hook around a tool call or a model request.</summary>
    Next,

    /// <summary><see cref="Agno.Hooks.ModelRequest"/>: the model request a model hook runs for; only model hooks have one.</summary>
    ModelRequest,

    /// <summary>
    /// <see cref="Agno.Hooks.ToolExecution"/>: the record of the tool call a tool hook runs for; a background hook after
    /// the call gets a copy of it as the call ended (an audit log).
    /// </summary>
    ToolExecution,
}
