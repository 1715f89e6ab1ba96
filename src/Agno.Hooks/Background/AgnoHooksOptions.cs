namespace Agno.Hooks;

/// <summary>Settings of the hook runtime; bound from the <c>AgnoHooks</c> configuration section.</summary>
public sealed class AgnoHooksOptions
{
    public const string SectionName = "AgnoHooks";

    /// <summary>
    /// Sends every hook that is not a guardrail to the background, like Agno's
    /// <c>AgentOS(run_hooks_in_background=True)</c>. It reaches team members' and workflow steps' hooks too.
    /// </summary>
    public bool RunHooksInBackground { get; set; }

    /// <summary>How many background executions may wait; a full queue makes callers wait.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>How many background hooks may run at once.</summary>
    public int MaxConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long one background hook may run before it is cancelled and counted as timed out.</summary>
    public TimeSpan HookTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Without a host, how long disposing the executor waits for queued and running hooks.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
