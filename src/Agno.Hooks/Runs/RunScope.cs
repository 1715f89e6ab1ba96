using System.Diagnostics;

namespace Agno.Hooks;

/// <summary>The state of one run, handed to the owner's own work (<c>ExecuteAsync</c>).</summary>
internal sealed class RunScope(
    Runnable owner,
    RunOptions options,
    RunContext run,
    RunInput input,
    RunOutput output,
    HookRun hooks,
    HookPipeline pipeline,
    bool streaming,
    Activity? activity,
    CancellationToken cancellationToken)
{
    public Runnable Owner { get; } = owner;

    public RunOptions Options { get; } = options;

    public RunContext Run { get; } = run;

    public RunInput Input { get; } = input;

    public RunOutput Output { get; } = output;

    public HookRun Hooks { get; } = hooks;

    public HookPipeline Pipeline { get; } = pipeline;

    public bool Streaming { get; } = streaming;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public long StartedAt { get; } = pipeline.Time.GetTimestamp();

    public RunEvent Event(RunEventKind kind, string? content = null, string? hookName = null, RunInput? input = null, string? stepName = null) => new()
    {
        Kind = kind,
        CreatedAt = Pipeline.Time.GetUtcNow(),
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

    /// <summary>Agno's event for a hook's start or success; none for a failure (logged) or a rejection (the run's error follows).</summary>
    public RunEvent? HookEvent(HookEvent hookEvent) => (hookEvent.Kind, hookEvent.Stage) switch
    {
        (HookEventKind.Started, HookStage.Pre) => Event(RunEventKind.PreHookStarted, hookName: hookEvent.Hook.Name, input: Input),
        (HookEventKind.Completed, HookStage.Pre) => Event(RunEventKind.PreHookCompleted, hookName: hookEvent.Hook.Name, input: Input),
        (HookEventKind.Started, HookStage.Post) => Event(RunEventKind.PostHookStarted, hookName: hookEvent.Hook.Name),
        (HookEventKind.Completed, HookStage.Post) => Event(RunEventKind.PostHookCompleted, hookName: hookEvent.Hook.Name),
        _ => null,
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
        if (Hooks.IsRejected)
        {
            Hooks.ApplyRejection(Output);
        }

        Output.Metrics.Duration = Pipeline.Time.GetElapsedTime(StartedAt);
        activity?.SetStatus(ActivityStatusCode.Error, Output.ErrorType);
        return Event(RunEventKind.RunError, content: Output.Content);
    }

    /// <summary>
    /// Runs <paramref name="member"/> nested in this run, through its public run methods: streamed, its events as
    /// they come; otherwise one last event that carries its output.
    /// </summary>
    public async IAsyncEnumerable<RunEvent> RunNestedAsync(Runnable member, string message)
    {
        if (Streaming)
        {
            await foreach (var memberEvent in member.RunStreamingAsync(message, Nested(), CancellationToken).ConfigureAwait(false))
            {
                yield return memberEvent;
            }

            yield break;
        }

        var output = await member.RunAsync(message, Nested(), CancellationToken).ConfigureAwait(false);
        yield return new RunEvent
        {
            Kind = output.Status == RunStatus.Completed ? RunEventKind.RunCompleted : RunEventKind.RunError,
            CreatedAt = Pipeline.Time.GetUtcNow(),
            Owner = member,
            RunId = output.RunId,
            SessionId = output.SessionId,
            NestedDepth = Options.NestedDepth + 1,
            Content = output.Content,
            Output = output,
        };
    }

    /// <summary>
    /// Options for a run nested in this one (a member or a step): the same session, user, services and
    /// background setting, one level deeper, and background work that joins this run's, so that it is handed
    /// over only if this run is not rejected.
    /// </summary>
    public RunOptions Nested() => new()
    {
        SessionId = Run.SessionId,
        UserId = Run.UserId,
        Metadata = Run.Metadata,
        SessionState = Run.SessionState,
        Arguments = Run.Arguments,
        Parent = Hooks,
        NestedDepth = Options.NestedDepth + 1,
    };
}
