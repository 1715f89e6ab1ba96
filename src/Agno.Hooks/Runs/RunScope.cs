using System.Diagnostics;

namespace Agno.Hooks;

/// <summary>The state of one run, handed to the owner's own work (<c>ExecuteAsync</c>).</summary>
internal sealed class RunScope(
    Runnable owner,
    RunOptions options,
    RunContext run,
    RunInput input,
    RunOutput output,
    HookRunner hooks,
    RunEnvironment environment,
    IServiceProvider services,
    bool streaming,
    Activity? activity,
    CancellationToken cancellationToken)
{
    public Runnable Owner { get; } = owner;

    public RunOptions Options { get; } = options;

    public RunContext Run { get; } = run;

    public RunInput Input { get; } = input;

    public RunOutput Output { get; } = output;

    public HookRunner Hooks { get; } = hooks;

    public RunEnvironment Environment { get; } = environment;

    public bool Streaming { get; } = streaming;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public long StartedAt { get; } = environment.Time.GetTimestamp();

    public RunEvent Event(RunEventKind kind, string? content = null, string? hookName = null, RunInput? input = null, string? stepName = null) => new()
    {
        Kind = kind,
        CreatedAt = Environment.Time.GetUtcNow(),
        Owner = Owner,
        RunId = Run.RunId,
        SessionId = Run.SessionId,
        NestedDepth = Options.NestedDepth,
        Content = content,
        HookName = hookName,
        Input = input,
        StepName = stepName,
        Output = Output,
    };

    /// <summary>Marks the run as failed (not rejected): status Error with <paramref name="errorType"/> and a message safe to show.</summary>
    public void Fail(string errorType, string message)
    {
        Output.Status = RunStatus.Error;
        Output.ErrorType = errorType;
        Output.Content = message;
    }

    /// <summary>The last event of a run that did not complete: RunError, with the rejection's fields when a check rejected it.</summary>
    public RunEvent Finish()
    {
        if (Hooks.Rejection is not null)
        {
            Hooks.ApplyRejection(Output);
        }

        Output.Metrics.Duration = Environment.Time.GetElapsedTime(StartedAt);
        activity?.SetStatus(ActivityStatusCode.Error, Output.ErrorType);
        return Event(RunEventKind.RunError, content: Output.Content);
    }

    /// <summary>
    /// Options for a run nested in this one (a member or a step): the same session, user, services and
    /// background setting, one level deeper, and background hooks collected by this run, so that they
    /// reach the queue only if this run is not rejected.
    /// </summary>
    public RunOptions Nested() => new()
    {
        SessionId = Run.SessionId,
        UserId = Run.UserId,
        Metadata = Run.Metadata,
        SessionState = Run.SessionState,
        Arguments = Run.Arguments,
        Services = services,
        BackgroundQueue = Hooks,
        RunHooksInBackground = Hooks.RunHooksInBackground,
        NestedDepth = Options.NestedDepth + 1,
    };
}
