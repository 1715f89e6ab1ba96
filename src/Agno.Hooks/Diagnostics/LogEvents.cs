namespace Agno.Hooks;

/// <summary>
/// Every log event id of Agno.Hooks, in one table, so that none is used twice (a test reads every
/// <c>[LoggerMessage]</c> of the assembly to check it). Each package has a range of its own, so ids stay apart in a
/// shared log too: Agno.Hooks 1-99, Agno.Hooks.AgentOS 100-199, Agno.Hooks.Hangfire 200-299,
/// Agno.Hooks.AgentFramework 300-399.
/// </summary>
internal static class LogEvents
{
    // 1-19: background executions. BackgroundHookInvoker: how one ended; BackgroundHookExecutor: the queue and its drain.
    public const int BackgroundHookFailed = 1;
    public const int BackgroundHookTimedOut = 2;
    public const int BackgroundHookCancelled = 3;
    public const int BackgroundHookAbandoned = 4;
    public const int BackgroundHookRefused = 5;
    public const int ExecutorDraining = 6;
    public const int ExecutorAbandonedWork = 7;
    public const int ExecutorDrained = 8;
    public const int BackgroundHookObserverFailed = 9;
    public const int BackgroundHookDiscardedWrites = 10;
    public const int ExecutorLeftRunning = 11;

    // 20-29: the run's stages and its work (HookRun, RunDriver).
    public const int RunRejected = 20;
    public const int InlineHookFailed = 21;
    public const int RunWorkFailed = 22;

    // 30-39: the model call of an agent or a team's leader (ModelCall).
    public const int ModelFailed = 30;

    // 35-39: tool calls (ToolLoop).
    public const int ToolFailed = 35;

    // 40-49: workflows (Workflow).
    public const int WorkflowStepFailed = 40;

    // 60-69: the built-in guardrails (GuardrailLog).
    public const int GuardrailPatternTimedOut = 60;
    public const int ModerationFailed = 61;

    // 70-79: evaluations (AgentAsJudgeEval).
    public const int EvaluationJudged = 70;
    public const int EvaluationFailed = 71;
    public const int EvaluationOnFailFailed = 72;
}
