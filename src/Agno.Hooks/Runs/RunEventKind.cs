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
}
