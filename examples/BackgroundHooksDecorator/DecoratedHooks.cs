using Agno.Hooks;

namespace BackgroundHooksDecorator;

/// <summary>
/// Agno's <c>background_hooks_decorator.py</c>: <c>[Hook(RunInBackground = true)]</c> is <c>@hook(run_in_background=True)</c>.
/// LogRequest and SendNotification run after the response; LogAnalytics runs inline, so the response takes its 2 s.
/// </summary>
public static partial class DecoratedHooks
{
    [Hook(RunInBackground = true)]
    public static void LogRequest(RunInput runInput, Agent agent, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(DecoratedHooks));
        logger.LogInformation("[LogRequest] start (background): agent '{Agent}' got '{Input}'", agent.Id, runInput.Content);
        logger.LogInformation("[LogRequest] end");
    }

    /// <summary>Inline: the response is held for its 2 seconds.</summary>
    [Hook]
    public static async Task LogAnalytics(RunOutput runOutput, Agent agent, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DecoratedHooks));
        logger.LogInformation("[LogAnalytics] start (inline, the response waits): run '{RunId}' of agent '{Agent}'", runOutput.RunId, agent.Id);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        logger.LogInformation("[LogAnalytics] end: {Tokens} tokens", runOutput.Metrics.TotalTokens);
    }

    [Hook(RunInBackground = true)]
    public static async Task SendNotification(RunOutput runOutput, Agent agent, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DecoratedHooks));
        logger.LogInformation("[SendNotification] start (background): run '{RunId}' of agent '{Agent}'", runOutput.RunId, agent.Id);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        logger.LogInformation("[SendNotification] end: notification sent for run '{RunId}'", runOutput.RunId);
    }
}
