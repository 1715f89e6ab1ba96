using Agno.Hooks;

namespace DurableBackgroundHooks;

/// <summary>
/// The example's hooks. Both run in the background (the global setting), as durable executions in PostgreSQL:
/// kill the server while <see cref="SlowAudit"/> runs and it runs again after the restart. Each binds its
/// <see cref="BackgroundExecutionInfo"/>, whose id stays the same on every attempt: the key to make a side effect
/// (an e-mail, a payment, an audit row) happen once even when the hook runs twice.
/// </summary>
public static partial class DurableHooks
{
    /// <summary>About five seconds of auditing, like a call to a slow compliance service (<c>DurableExample:SlowAuditDuration</c>).</summary>
    [Hook]
    public static async Task SlowAudit(RunOutput runOutput, BackgroundExecutionInfo execution, AuditSettings settings, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DurableHooks));
        logger.LogInformation("[SlowAudit] start: run '{RunId}', execution '{ExecutionId}', attempt {Attempt}", runOutput.RunId, execution.Id, execution.Attempt);
        await Task.Delay(settings.SlowAuditDuration, cancellationToken);
        logger.LogInformation("[SlowAudit] end: run '{RunId}', execution '{ExecutionId}'", runOutput.RunId, execution.Id);
    }

    /// <summary>A quick one: records the answer's size.</summary>
    [Hook]
    public static void RecordAnswer(RunOutput runOutput, BackgroundExecutionInfo execution, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(DurableHooks));
        logger.LogInformation("[RecordAnswer] start: run '{RunId}', execution '{ExecutionId}', attempt {Attempt}", runOutput.RunId, execution.Id, execution.Attempt);
        logger.LogInformation("[RecordAnswer] end: run '{RunId}', execution '{ExecutionId}', {Characters} characters", runOutput.RunId, execution.Id, runOutput.Content?.Length ?? 0);
    }
}

/// <summary>How long <see cref="DurableHooks.SlowAudit"/> takes.</summary>
public sealed class AuditSettings
{
    public TimeSpan SlowAuditDuration { get; set; } = TimeSpan.FromSeconds(5);
}
