namespace Agno.Hooks;

/// <summary>What a <see cref="RunEvent"/> reports. AgentOS writes these names as Agno's event names.</summary>
public enum RunEventKind
{
    RunStarted,
    PreHookStarted,
    PreHookCompleted,
    RunContent,
    RunContentCompleted,
    PostHookStarted,
    PostHookCompleted,
    RunCompleted,
    RunError,

    /// <summary>A workflow step started; <see cref="RunEvent.StepName"/> names it.</summary>
    StepStarted,

    /// <summary>A workflow step completed; <see cref="RunEvent.Content"/> is its output.</summary>
    StepCompleted,

    /// <summary>The model asked for a tool call, about to run; <see cref="RunEvent.Tool"/> is the call.</summary>
    ToolCallStarted,

    /// <summary>A tool call returned; <see cref="RunEvent.Tool"/> has its result.</summary>
    ToolCallCompleted,

    /// <summary>A tool call failed or was refused; <see cref="RunEvent.Tool"/> has the error as its result.</summary>
    ToolCallError,
}
