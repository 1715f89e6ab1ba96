using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>
/// The run sequence, once for every owner (<see cref="HookPipeline.RunAsync"/>, <see cref="HookPipeline.RunStreamingAsync"/>):
/// the pre stage; the owner's <see cref="RunWork"/> (a failure there is not a rejection); the post stage; the rejection, if a
/// check raised one; the final status, duration and metrics; then the background copies of that finished run and their
/// hand-over. The run's cancellation propagates and hands nothing over.
/// </summary>
internal static partial class RunDriver
{
    public static async Task<RunOutput> RunAsync(HookPipeline pipeline, IHookOwner owner, string message, RunWork work, RunOptions? options, CancellationToken cancellationToken)
    {
        var run = Start(pipeline, owner, message, work, options, streaming: false, cancellationToken);
        using var activity = run.Activity;

        // Set here, in this async method's own context: it flows into the work and is gone when the method returns.
        HookRun.Current = run;
        if (await run.ExecutePreHooksAsync().ConfigureAwait(false))
        {
            // No WorkStartedAt here: it is only for a streamed run's time to first token.
            try
            {
                await work.ExecuteAsync(run).ConfigureAwait(false);
            }
            catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
            {
                Failed(run, exception);
            }

            if (run.Output.Status != RunStatus.Error && !run.IsRejected)
            {
                await run.ExecutePostHooksAsync().ConfigureAwait(false);
            }
        }

        await run.FinishAsync().ConfigureAwait(false);
        return run.Output;
    }

    public static async IAsyncEnumerable<RunEvent> RunStreamingAsync(HookPipeline pipeline, IHookOwner owner, string message, RunWork work, RunOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var run = Start(pipeline, owner, message, work, options, streaming: true, cancellationToken);
        using var activity = run.Activity;
        yield return run.Event(RunEventKind.RunStarted);
        await foreach (var hookEvent in run.StreamPreHooksAsync().ConfigureAwait(false))
        {
            if (HookEventOf(run, hookEvent) is { } runEvent)
            {
                yield return runEvent;
            }
        }

        if (!run.IsRejected)
        {
            run.WorkStartedAt = pipeline.Time.GetTimestamp();

            // Nothing of the answer goes out before every output guardrail of the run has seen it.
            var gate = OutputGate.Open(run);
            var contentCompleted = false;
            var contentCompletedHeld = false;

            // An iterator's context does not carry over its yields: the current run is set again before each step. A
            // guardrail that rejected the run as its check started leaves the work nothing to do.
            HookRun.Current = run;
            var events = (run.IsRejected ? AsyncEnumerable.Empty<RunEvent>() : work.ExecuteStreamingAsync(run)).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    try
                    {
                        HookRun.Current = run;
                        if (!await events.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
                    {
                        Failed(run, exception);
                        break;
                    }

                    var workEvent = events.Current;

                    // A nested run was rejected by a guardrail this run passed down to it: the work stops there.
                    if (run.IsRejected)
                    {
                        yield return workEvent;
                        break;
                    }

                    var own = ReferenceEquals(workEvent.Owner, owner) && workEvent.RunId == run.Run.RunId;
                    if (gate is not null && own && workEvent.Kind is RunEventKind.RunContent or RunEventKind.RunContentCompleted)
                    {
                        if (workEvent.Kind == RunEventKind.RunContentCompleted)
                        {
                            contentCompleted = true;
                            if (gate.HoldsWhole)
                            {
                                contentCompletedHeld = true;
                                continue;
                            }

                            if (gate.Complete() is not { } rest)
                            {
                                break;
                            }

                            if (rest.Length > 0)
                            {
                                yield return Content(run, rest, rawRepresentation: null);
                            }
                        }
                        else if (gate.Pass(workEvent.Content ?? string.Empty) is not { } released)
                        {
                            // Rejected: the work stops here, and its run ends with the rejection.
                            break;
                        }
                        else if (released != workEvent.Content)
                        {
                            // An adapter's event keeps its inner update, for what else the update carries: it reads the text
                            // from the event. An owner's own event with nothing to let out is not passed on.
                            if (released.Length == 0 && workEvent.RawRepresentation is null)
                            {
                                continue;
                            }

                            workEvent = run.Event(RunEventKind.RunContent, released, rawRepresentation: workEvent.RawRepresentation);
                        }
                    }

                    if (own && workEvent.Kind == RunEventKind.RunContent && !string.IsNullOrEmpty(workEvent.Content))
                    {
                        run.Output.Metrics.TimeToFirstToken ??= pipeline.Time.GetElapsedTime(run.WorkStartedAt);
                    }

                    yield return workEvent;
                }
            }
            finally
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }

            // A work that streamed its content without telling its end: the checks' final decision now.
            if (gate is { HoldsWhole: false, SawContent: true } && !contentCompleted && !run.IsRejected && run.Output.Status != RunStatus.Error)
            {
                if (gate.Complete() is { Length: > 0 } rest)
                {
                    yield return Content(run, rest, rawRepresentation: null);
                }
            }

            if (run.Output.Status != RunStatus.Error && !run.IsRejected)
            {
                await foreach (var hookEvent in run.StreamPostHooksAsync().ConfigureAwait(false))
                {
                    if (HookEventOf(run, hookEvent) is { } runEvent)
                    {
                        yield return runEvent;
                    }
                }
            }

            if (gate is not null)
            {
                // What the guardrails passed and did not go out yet: a held answer, whole.
                if (gate.Reconcile() is { Length: > 0 } final)
                {
                    yield return Content(run, final, rawRepresentation: null);
                }

                if (contentCompletedHeld && run.Output.Status != RunStatus.Error && !run.IsRejected)
                {
                    yield return run.Event(RunEventKind.RunContentCompleted);
                }
            }
        }

        // Handed over before the last event: a consumer may stop reading once it has it.
        await run.FinishAsync().ConfigureAwait(false);
        yield return run.Event(run.Output.Status == RunStatus.Completed ? RunEventKind.RunCompleted : RunEventKind.RunError, run.Output.Content);
    }

    /// <summary>A content event of the run's own, once the guardrails let it out; the first is the run's first token.</summary>
    private static RunEvent Content(HookRun run, string text, object? rawRepresentation)
    {
        run.Output.Metrics.TimeToFirstToken ??= run.Pipeline.Time.GetElapsedTime(run.WorkStartedAt);
        return run.Event(RunEventKind.RunContent, text, rawRepresentation: rawRepresentation);
    }

    private static HookRun Start(HookPipeline pipeline, IHookOwner owner, string message, RunWork work, RunOptions? options, bool streaming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(work);
        options ??= RunOptions.Default;
        var parent = options.Parent;
        // What the options don't give is made when first read: a run nobody reads them in makes none.
        var context = new RunContext(NonEmptyOr(options.RunId), NonEmptyOr(options.SessionId), options.UserId, options.Metadata, options.SessionState, options.Arguments);
        var input = new RunInput(message, context, options.Messages is { Count: > 0 } messages ? [.. messages] : null);
        var background = options.RunHooksInBackground ?? parent?.RunHooksInBackground ?? pipeline.Options.RunHooksInBackground;
        var destination = parent is null ? options.BackgroundQueue ?? pipeline.Background : null;
        if (destination is null && parent is null && (HookPipeline.HasBackgroundHooks(owner, background) || AnyBackground(options.PreHooks, background) || AnyBackground(options.PostHooks, background)))
        {
            throw new InvalidOperationException($"'{owner.Id}' has background hooks but nowhere to run them: call services.AddAgnoHooks() and give the owner those services, or pass a background queue for the run.");
        }

        var services = options.Services ?? parent?.Services ?? pipeline.Services ?? EmptyServiceProvider.Instance;
        var activity = StartActivity(owner, context);
        var run = new HookRun(pipeline, owner, context, input, options, services, background, destination, activity, streaming, cancellationToken);
        run.SetOutput(work.CreateOutput(run) ?? throw new InvalidOperationException($"{work.GetType().Name}.CreateOutput returned null."));
        return run;
    }

    /// <summary>A failure of the owner's work: logged (its text may hold addresses or keys), and told to the caller as a run error.</summary>
    private static void Failed(HookRun run, Exception exception)
    {
        LogWorkFailed(run.Pipeline.Logger, exception, run.Owner.Id, run.Run.RunId);
        if (run.Output.Status != RunStatus.Error)
        {
            run.Fail("run_error", "The run failed.");
        }
    }

    /// <summary>Agno's event for a hook's start or success; none for a failure (logged) or a rejection (the run's error follows).</summary>
    private static RunEvent? HookEventOf(HookRun run, HookEvent hookEvent)
    {
        var kind = (hookEvent.Kind, hookEvent.Stage) switch
        {
            (HookEventKind.Started, HookStage.Pre) => RunEventKind.PreHookStarted,
            (HookEventKind.Completed, HookStage.Pre) => RunEventKind.PreHookCompleted,
            (HookEventKind.Started, HookStage.Post) => RunEventKind.PostHookStarted,
            (HookEventKind.Completed, HookStage.Post) => RunEventKind.PostHookCompleted,
            _ => (RunEventKind?)null,
        };
        if (kind is not { } eventKind)
        {
            return null;
        }

        return new RunEvent
        {
            Kind = eventKind,
            CreatedAt = run.Pipeline.Time.GetUtcNow(),
            Owner = run.Owner,
            RunId = run.Run.RunId,
            SessionId = run.Run.SessionId,
            NestedDepth = run.Options.NestedDepth,
            HookName = hookEvent.Hook.Name,
            Input = hookEvent.Stage == HookStage.Pre ? run.Input : null,
            Output = run.Output,
        };
    }

    /// <summary>The run was cancelled: that ends it, instead of counting as the work's failure.</summary>
    private static bool IsCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static bool AnyBackground(IReadOnlyList<HookDescriptor>? hooks, bool runHooksInBackground)
    {
        if (hooks is null)
        {
            return false;
        }

        foreach (var hook in hooks)
        {
            if (HookRun.IsBackground(hook, runHooksInBackground))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The run's span, after OpenTelemetry's GenAI conventions; none without a listener.</summary>
    private static Activity? StartActivity(IHookOwner owner, RunContext run)
    {
        if (!AgnoHooksTelemetry.Source.HasListeners())
        {
            return null;
        }

        var operation = owner.Kind == HookOwnerKind.Workflow ? "invoke_workflow" : "invoke_agent";
        var activity = AgnoHooksTelemetry.Source.StartActivity($"{operation} {owner.Name ?? owner.Id}");
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("gen_ai.operation.name", operation);
        activity.SetTag("gen_ai.agent.id", owner.Id);
        activity.SetTag("gen_ai.agent.name", owner.Name);
        activity.SetTag("gen_ai.conversation.id", run.SessionId);
        activity.SetTag(AgnoHooksTelemetry.RunIdTag, run.RunId);
        return activity;
    }

    private static string NonEmptyOr(string? id) => string.IsNullOrEmpty(id) ? RunIds.New() : id;

    [LoggerMessage(LogEvents.RunWorkFailed, LogLevel.Error, "The work of '{OwnerId}' failed in run '{RunId}'.")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, string ownerId, string runId);
}
