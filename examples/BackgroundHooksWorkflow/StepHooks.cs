using Agno.Hooks;

namespace BackgroundHooksWorkflow;

/// <summary>Agno's <c>background_hooks_workflow.py</c>: each step agent's post-hook, in the background.</summary>
public static partial class StepHooks
{
    /// <summary>Logs a step agent's result; takes about a second, like writing to a store.</summary>
    [Hook]
    public static async Task LogStepCompletion(RunOutput runOutput, Agent agent, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StepHooks));
        logger.LogInformation("[LogStepCompletion:{Agent}] start: run '{RunId}'", agent.Id, runOutput.RunId);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        logger.LogInformation("[LogStepCompletion:{Agent}] end: {Characters} characters of output", agent.Id, runOutput.Content?.Length ?? 0);
    }
}
