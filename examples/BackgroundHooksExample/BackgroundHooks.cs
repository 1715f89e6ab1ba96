using Agno.Hooks;

namespace BackgroundHooksExample;

/// <summary>
/// The example's hooks, as in Agno's <c>background_hooks_example.py</c>. None says where it runs: the global
/// <c>RunHooksInBackground = true</c> sends them all after the response, so the console shows
/// "response sent" before they finish. The generator turns each [Hook] method into a <c>{Method}Hook</c> descriptor.
/// </summary>
public static partial class BackgroundHooks
{
    /// <summary>How long the simulated analytics call takes.</summary>
    public static readonly TimeSpan AnalyticsDuration = TimeSpan.FromSeconds(2);

    /// <summary>How long the simulated notification call takes.</summary>
    public static readonly TimeSpan NotificationDuration = TimeSpan.FromSeconds(3);

    /// <summary>A synchronous pre-hook: logs what was asked of which agent.</summary>
    [Hook]
    public static void LogRequest(RunInput runInput, Agent agent, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(BackgroundHooks));
        logger.LogInformation("[LogRequest] start: agent '{Agent}' got '{Input}'", agent.Name ?? agent.Id, runInput.Content);
        logger.LogInformation("[LogRequest] end");
    }

    /// <summary>An asynchronous post-hook that takes about two seconds, like a call to an analytics service.</summary>
    [Hook]
    public static async Task LogAnalytics(RunOutput runOutput, Agent agent, RunContext runContext, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BackgroundHooks));
        logger.LogInformation("[LogAnalytics] start: run '{RunId}' of agent '{Agent}', session '{SessionId}'", runOutput.RunId, agent.Id, runContext.SessionId);
        await Task.Delay(AnalyticsDuration, cancellationToken);
        logger.LogInformation("[LogAnalytics] end: {Tokens} tokens, {Characters} characters of content", runOutput.Metrics.TotalTokens, runOutput.Content?.Length ?? 0);
    }

    /// <summary>An asynchronous post-hook that takes about three seconds, like sending a notification.</summary>
    [Hook]
    public static async Task SendNotification(RunOutput runOutput, Agent agent, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BackgroundHooks));
        logger.LogInformation("[SendNotification] start: run '{RunId}' of agent '{Agent}'", runOutput.RunId, agent.Id);
        await Task.Delay(NotificationDuration, cancellationToken);
        logger.LogInformation("[SendNotification] end: notification sent for run '{RunId}'", runOutput.RunId);
    }
}
