using Agno.Hooks;
using Microsoft.Agents.AI;

namespace AgentFrameworkHooks;

/// <summary>
/// The hooks of the Agent Framework agent: a guardrail, an inline post-hook, and two background hooks. They bind the
/// agent as the Agent Framework's own <see cref="AIAgent"/>, and the run's input and output as Agno.Hooks does everywhere.
/// </summary>
public static partial class SupportHooks
{
    /// <summary>Inline and first: a message with a password never reaches the model.</summary>
    [Hook(Guardrail = true)]
    public static void RejectSecrets(RunInput runInput)
    {
        if (runInput.Content.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputCheckException("Secrets are not allowed", CheckTrigger.InputNotAllowed);
        }
    }

    /// <summary>Inline: the response waits for it, and its edit reaches the caller.</summary>
    [Hook]
    public static void AddSignature(RunOutput runOutput, AIAgent agent, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SupportHooks));
        logger.LogInformation("[AddSignature] start (inline, the response waits): run '{RunId}' of agent '{Agent}'", runOutput.RunId, agent.Name);
        runOutput.Content += $" (— {agent.Name})";
        logger.LogInformation("[AddSignature] end");
    }

    [Hook(RunInBackground = true)]
    public static void LogRequest(RunInput runInput, AIAgent agent, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SupportHooks));
        logger.LogInformation("[LogRequest] start (background): agent '{Agent}' got '{Input}'", agent.Name, runInput.Content);
        logger.LogInformation("[LogRequest] end");
    }

    [Hook(RunInBackground = true)]
    public static async Task LogAnalytics(RunOutput runOutput, AIAgent agent, RunContext run, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SupportHooks));
        logger.LogInformation("[LogAnalytics] start (background): run '{RunId}' of agent '{Agent}', session '{Session}'", runOutput.RunId, agent.Id, run.SessionId);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        logger.LogInformation("[LogAnalytics] end: {Tokens} tokens, {Characters} characters of content", runOutput.Metrics.TotalTokens, runOutput.Content?.Length ?? 0);
    }
}
