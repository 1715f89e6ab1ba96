using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>
/// One run of an owner, as <see cref="HookPipeline.RunAsync"/> and <see cref="HookPipeline.RunStreamingAsync"/> drive it:
/// its context, input and output, its hooks with Agno's semantics, and what the owner's own work needs (its services,
/// token, events, and a way to fail). Code inside the owner's work (a model call, a tool) reaches it as <see cref="Current"/>.
/// </summary>
/// <remarks>
/// The driver runs, in order: the inline pre-hooks (guardrails first), the background pre-hooks' copies, the owner's
/// <see cref="RunWork"/>, the inline post-hooks, then sets the final status, duration and metrics, and only then takes the
/// background post-hooks' copies and hands the background work over (to the parent run's batch for a nested run), unless a
/// check rejected the run.
/// </remarks>
public sealed partial class HookRun
{
    private static readonly AsyncLocal<HookRun?> CurrentRun = new();

    private readonly IBackgroundHookQueue? _destination;

    // Passed explicitly: Activity.Current does not survive the yields of a streamed run. Null without any trace (no
    // listener, no ambient span), as in most runs: a class apart, so those runs don't carry its fields.
    private readonly RunTrace? _trace;

    // The background work taken and not yet handed over: replaced whole (copy on write), never changed in place, so it
    // needs no lock, whose object most runs (those without background hooks) would make for nothing. Once handed over it
    // is HandedOver, and a nested run may no longer add to it.
    private static readonly List<BackgroundHookWorkItem> HandedOver = [];
    private List<BackgroundHookWorkItem>? _batch;
    private HookDescriptor[]? _postHooks;
    private HookContext? _preContext;
    private HookContext? _postContext;
    private RunOutput? _output;
    private HookDescriptor[]? _guardrailsForNested;

    internal HookRun(HookPipeline pipeline, IHookOwner owner, RunContext run, RunInput input, RunOptions options, IServiceProvider services, bool runHooksInBackground, IBackgroundHookQueue? destination, Activity? runActivity, bool streaming, CancellationToken cancellationToken)
    {
        Pipeline = pipeline;
        Owner = owner;
        Run = run;
        Input = input;
        Options = options;
        Services = services;
        RunHooksInBackground = runHooksInBackground;
        IsStreaming = streaming;
        CancellationToken = cancellationToken;
        _destination = destination;
        // Without a span of its own (no listener), hook spans and background executions still join an ambient trace.
        var traceActivity = runActivity ?? System.Diagnostics.Activity.Current;
        _trace = traceActivity is not null ? new RunTrace(traceActivity.Context, traceActivity.Id) : options.Parent?._trace;
        Activity = runActivity;
        StartedAt = pipeline.Time.GetTimestamp();
    }

    /// <summary>The run whose owner's work is executing here, or null outside one; a nested run's while it runs.</summary>
    public static HookRun? Current
    {
        get => CurrentRun.Value;
        internal set => CurrentRun.Value = value;
    }

    public IHookOwner Owner { get; }

    public RunContext Run { get; }

    public RunInput Input { get; }

    /// <summary>The run's output: made by the work's <see cref="RunWork.CreateOutput"/> when the run starts.</summary>
    public RunOutput Output => _output ?? throw new InvalidOperationException("The run's output is made when the run starts.");

    /// <summary>The options the run was started with.</summary>
    public RunOptions Options { get; }

    /// <summary>The settings, background destination, logger and clock the run uses.</summary>
    public HookPipeline Pipeline { get; }

    /// <summary>The session object of the owner's runtime, for inline hooks that bind it; see <see cref="RunOptions.Session"/>.</summary>
    public object? Session => Options.Session ?? Options.Parent?.Session;

    /// <summary>What inline hooks resolve services from.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Whether every hook that is not a guardrail runs in the background.</summary>
    public bool RunHooksInBackground { get; }

    /// <summary>Whether the caller asked for events: the owner's work yields its own (content deltas, steps, members).</summary>
    public bool IsStreaming { get; }

    /// <summary>The run's token; cancelling it cancels the run (its background work is then not handed over).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The check that rejected the run, once one has.</summary>
    public CheckException? Rejection { get; private set; }

    public bool IsRejected => Rejection is not null;

    /// <summary>The hook whose check rejected the run.</summary>
    internal HookDescriptor? RejectedBy { get; private set; }

    /// <summary>When the run started, on <see cref="HookPipeline.Time"/>'s clock.</summary>
    internal long StartedAt { get; }

    /// <summary>How many tool calls the run has made, for its owner's limit.</summary>
    internal int ToolCallCount { get; set; }

    /// <summary>When the owner's work started, for its time to first token.</summary>
    internal long WorkStartedAt { get; set; }

    internal Activity? Activity { get; }

    /// <summary>An event of this run, stamped now, with its ids, depth and output.</summary>
    public RunEvent Event(RunEventKind kind, string? content = null, string? stepName = null, object? rawRepresentation = null) => new()
    {
        Kind = kind,
        CreatedAt = Pipeline.Time.GetUtcNow(),
        Owner = Owner,
        RunId = Run.RunId,
        SessionId = Run.SessionId,
        NestedDepth = Options.NestedDepth,
        Content = content,
        StepName = stepName,
        Output = Output,
        RawRepresentation = rawRepresentation,
    };

    /// <summary>A tool-call event of this run: Agno's <c>ToolCallStarted</c>, <c>ToolCallCompleted</c> or <c>ToolCallError</c>.</summary>
    internal RunEvent ToolEvent(RunEventKind kind, ToolExecution tool) => new()
    {
        Kind = kind,
        CreatedAt = Pipeline.Time.GetUtcNow(),
        Owner = Owner,
        RunId = Run.RunId,
        SessionId = Run.SessionId,
        NestedDepth = Options.NestedDepth,
        Content = kind == RunEventKind.ToolCallStarted ? null : tool.Result,
        Output = Output,
        Tool = tool,
    };

    /// <summary>
    /// Marks the run as failed, not rejected: status Error with <paramref name="errorType"/> and a message safe to show.
    /// Post-hooks don't run; the background work of hooks that already ran is still handed over.
    /// </summary>
    public void Fail(string errorType, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorType);
        ArgumentNullException.ThrowIfNull(message);
        Output.Status = RunStatus.Error;
        Output.ErrorType = errorType;
        Output.Content = message;
    }

    /// <summary>
    /// Options for a run nested in this one (a team member, a workflow step): the same session, user, metadata, state,
    /// services and background setting, one level deeper; its background work joins this run's and is handed over only
    /// if this run is not rejected.
    /// </summary>
    public RunOptions Nested() => new()
    {
        SessionId = Run.SessionId,
        UserId = Run.UserId,
        Metadata = Run.Metadata,
        SessionState = Run.SessionState,
        Arguments = Run.Arguments,
        Parent = this,
        NestedDepth = Options.NestedDepth + 1,
    };

    internal void SetOutput(RunOutput output) => _output = output;

    /// <summary>Whether <paramref name="hook"/> runs in the background under <paramref name="runHooksInBackground"/>.</summary>
    internal static bool IsBackground(HookDescriptor hook, bool runHooksInBackground)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return !hook.Guardrail && (hook.RunInBackground || runHooksInBackground);
    }

    /// <summary>The run's output guardrails: its post-stage guardrail hooks, in the order they run; empty when it has none.</summary>
    internal HookDescriptor[] OutputGuardrails()
    {
        var hooks = Hooks(HookStage.Post);
        var count = 0;
        foreach (var hook in hooks)
        {
            count += hook.Guardrail ? 1 : 0;
        }

        return count == hooks.Length ? hooks : count == 0 ? [] : Array.FindAll(hooks, static hook => hook.Guardrail);
    }

    /// <summary>A run nested in this one was rejected by a guardrail this run passed down: this run is rejected with it.</summary>
    private void RejectedByNested(HookDescriptor hook, CheckException check)
    {
        if (Rejection is null)
        {
            Rejection = check;
            RejectedBy = hook;
        }
    }

    /// <summary>
    /// Runs the hooks before or after a tool call or a model request, guardrails first; false when a check rejected the
    /// run. Before a tool call, the stage ends early once a hook has refused the call. Their context is made only when there
    /// are hooks: most calls have none at some stage.
    /// </summary>
    internal async ValueTask<bool> ExecuteCallHooksAsync(HookDescriptor[] hooks, HookStage stage, ToolCall? call = null, ModelRequest? request = null)
    {
        if (hooks.Length == 0)
        {
            return true;
        }

        var context = CallContext(stage, call, request);
        var refusable = stage == HookStage.PreToolCall ? call : null;
        var traced = AgnoHooksTelemetry.Source.HasListeners();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var hook in hooks)
            {
                // A background hook after a tool call gets its copy once the call has ended (CaptureAfterToolCall).
                if (hook.Guardrail != (pass == 0) || hook.RunInBackground)
                {
                    continue;
                }

                if (await InvokeInline(hook, context, traced).ConfigureAwait(false) == HookEventKind.Rejected)
                {
                    return false;
                }

                if (refusable?.IsRefused == true)
                {
                    return true;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Takes the copies for the background hooks after a tool call (an audit log): the call's record as it ended, the run's
    /// context and input. They join the run's background work, handed over when the run is over, unless it is rejected.
    /// </summary>
    internal void CaptureAfterToolCall(HookDescriptor[] hooks, ToolExecution record)
    {
        List<BackgroundHookWorkItem>? items = null;
        foreach (var hook in hooks)
        {
            if (hook.RunInBackground)
            {
                var run = Run.Clone();
                (items ??= []).Add(new BackgroundHookWorkItem(hook, Owner, HookStage.PostToolCall, run, Input.Clone(run), output: null, _trace?.TraceParent) { Tool = record.Clone() });
            }
        }

        if (items is not null)
        {
            Collect(items);
        }
    }

    /// <summary>Runs a hook around a tool call or a model request, its context carrying the rest of the chain; false when a check rejected the run.</summary>
    internal async ValueTask<bool> ExecuteAroundHookAsync(HookDescriptor hook, HookContext context) =>
        await InvokeInline(hook, context, AgnoHooksTelemetry.Source.HasListeners()).ConfigureAwait(false) != HookEventKind.Rejected;

    /// <summary>The context of a hook at a tool call or a model request.</summary>
    internal HookContext CallContext(HookStage stage, ToolCall? call = null, ModelRequest? request = null, HookNext? next = null) =>
        new(stage, Owner, Run, Input, Output, Services, CancellationToken) { Session = Session, ToolCall = call, ModelRequest = request, Next = next };

    /// <summary>The context the post stage's inline hooks get.</summary>
    internal HookContext PostContext() => InlineContext(HookStage.Post, Output);

    /// <summary>An output guardrail's streamed check rejected the run, or failed (logged; the run goes on), as its hook would.</summary>
    internal void StreamCheckFailed(HookDescriptor hook, Exception exception) => Failed(hook, exception, activity: null);

    /// <summary>Runs the inline pre-hooks; false when a check rejected the run. Then takes the background pre-hooks' copies.</summary>
    internal ValueTask<bool> ExecutePreHooksAsync() => ExecuteStageAsync(HookStage.Pre, output: null);

    /// <summary>Runs the inline post-hooks on the output; false when a check rejected the run. The background post-hooks' copies wait for <see cref="CompleteAsync"/>.</summary>
    internal ValueTask<bool> ExecutePostHooksAsync() => ExecuteStageAsync(HookStage.Post, Output);

    /// <summary>As <see cref="ExecutePreHooksAsync"/>, telling each hook's start and end as it happens.</summary>
    internal IAsyncEnumerable<HookEvent> StreamPreHooksAsync() => StreamStageAsync(HookStage.Pre, output: null);

    /// <summary>As <see cref="ExecutePostHooksAsync"/>, telling each hook's start and end as it happens.</summary>
    internal IAsyncEnumerable<HookEvent> StreamPostHooksAsync() => StreamStageAsync(HookStage.Post, Output);

    /// <summary>
    /// Ends the run: the rejection's fields when a check rejected it, otherwise Completed unless the work failed it; the
    /// duration; then the background post-hooks' copies of that final output, and the hand-over of the run's background
    /// work (to the parent run's batch for a nested run), unless a check rejected the run.
    /// </summary>
    internal ValueTask<int> FinishAsync()
    {
        var output = Output;
        if (Rejection is { } check)
        {
            // A guardrail this run got from the run it is nested in rejects that run too: its answer is that run's.
            if (Options.Parent is { } parent && RejectedBy is { } hook && Array.IndexOf(parent.GuardrailsForNested(), hook) >= 0)
            {
                parent.RejectedByNested(hook, check);
            }

            output.Status = RunStatus.Error;
            output.Content = check.Message;
            output.ErrorType = check.ErrorType;
            output.ErrorId = check.Trigger.Id;
            output.ErrorData = check.AdditionalData;
        }
        else if (output.Status != RunStatus.Error)
        {
            output.Status = RunStatus.Completed;
        }

        output.Metrics.Duration = Pipeline.Time.GetElapsedTime(StartedAt);
        if (Activity is { } activity)
        {
            activity.SetStatus(output.Status == RunStatus.Completed ? ActivityStatusCode.Ok : ActivityStatusCode.Error, output.Status == RunStatus.Completed ? null : output.ErrorType);
        }

        SettleAnswer(output);
        if (_postHooks is { } postHooks && Rejection is null)
        {
            CaptureBackground(postHooks, HookStage.Post, output);
        }

        return CompleteAsync();
    }

    /// <summary>
    /// The answer among the output's messages (the work records the model's reply last) becomes the answer as delivered:
    /// a post-hook's edit, a guardrail's mask above all, reaches it, and a rejected run keeps no answer there. Done before
    /// any copy is taken, so neither the caller's JSON nor a background hook sees what a guardrail took out.
    /// </summary>
    private void SettleAnswer(RunOutput output)
    {
        if (output.MessagesIfMade is not { Count: > 0 } messages || messages[^1].Role != "assistant")
        {
            return;
        }

        if (Rejection is not null)
        {
            messages.RemoveAt(messages.Count - 1);
        }
        else if (output.Status == RunStatus.Completed && output.Content is { } content)
        {
            messages[^1].Text = content;
        }
    }

    /// <summary>Hands the background work over, unless a check rejected the run. Returns how many executions went.</summary>
    private ValueTask<int> CompleteAsync()
    {
        var batch = Interlocked.Exchange(ref _batch, HandedOver);
        if (batch is null || batch == HandedOver || Rejection is not null)
        {
            return new(0);
        }

        if (Options.Parent is { } parent)
        {
            parent.Collect(batch);
            return new(batch.Count);
        }

        return EnqueueAsync(batch);
    }

    // Apart from CompleteAsync, so a run without background work runs no state machine.
    private async ValueTask<int> EnqueueAsync(List<BackgroundHookWorkItem> batch)
    {
        // The driver checked at the start that a run with background hooks has a destination.
        foreach (var item in batch)
        {
            await _destination!.EnqueueAsync(item, CancellationToken).ConfigureAwait(false);
        }

        return batch.Count;
    }

    /// <summary>
    /// Whether <paramref name="hook"/> runs inline in <paramref name="pass"/> of a stage: guardrails in pass 0, the other
    /// inline hooks in pass 1, so guardrails come first and each kind keeps its list order.
    /// </summary>
    private bool RunsInPass(HookDescriptor hook, int pass) =>
        pass == 0 ? hook.Guardrail : !hook.Guardrail && !IsBackground(hook, RunHooksInBackground);

    /// <summary>
    /// A stage's hooks: the run-wide pre-hooks before the owner's own; the run-wide post-hooks after, then the incremental
    /// output guardrails of the runs this one is nested in.
    /// </summary>
    private HookDescriptor[] Hooks(HookStage stage)
    {
        if (stage == HookStage.Pre)
        {
            return Options.PreHooks is { Count: > 0 } outerPre ? [.. outerPre, .. Owner.PreHooks.Snapshot()] : Owner.PreHooks.Snapshot();
        }

        var hooks = Options.PostHooks is { Count: > 0 } outerPost ? [.. Owner.PostHooks.Snapshot(), .. outerPost] : Owner.PostHooks.Snapshot();
        if (Options.Parent?.GuardrailsForNested() is not { Length: > 0 } inherited)
        {
            return hooks;
        }

        var missing = Array.FindAll(inherited, hook => Array.IndexOf(hooks, hook) < 0);
        return missing.Length == 0 ? hooks : [.. hooks, .. missing];
    }

    /// <summary>
    /// The output guardrails a run nested in this one (a member, a step) runs too, so that what streams out of this run
    /// under a nested run's id is guarded as its own answer is: this run's incremental ones (PII, prompt injection; cheap
    /// and local), own and inherited, that fit any owner. Whole-answer guardrails (a moderation call) stay on their owner.
    /// </summary>
    private HookDescriptor[] GuardrailsForNested()
    {
        if (_guardrailsForNested is { } known)
        {
            return known;
        }

        List<HookDescriptor>? passed = null;
        foreach (var hook in OutputGuardrails())
        {
            if (hook.OwnerKind != HookOwnerKind.Any || hook.OwnerType is not null)
            {
                continue;
            }

            try
            {
                if (hook.StreamingGuardrail(Services) is not null)
                {
                    (passed ??= []).Add(hook);
                }
            }
            catch (InvalidOperationException)
            {
                // Not resolvable here: its own run's hook says so; it is not passed on.
            }
        }

        return _guardrailsForNested = passed is null ? [] : [.. passed];
    }

    // Not async: while hooks complete synchronously (the common case) a stage runs as a plain loop, with no state
    // machine; the first hook that doesn't hands the rest of the stage to ContinueStageAsync. A synchronous hook is
    // called right in the loop, and one try around the loops catches what it throws (a try per hook would cost every
    // hook a frame of its own): the catch handles the failure and the loop resumes after that hook.
    private ValueTask<bool> ExecuteStageAsync(HookStage stage, RunOutput? output)
    {
        var hooks = Hooks(stage);
        if (hooks.Length == 0)
        {
            return new(true);
        }

        var traced = AgnoHooksTelemetry.Source.HasListeners();
        HookContext? context = null;
        var pass = 0;
        var i = 0;
        while (true)
        {
            try
            {
                for (; pass < 2; pass++, i = 0)
                {
                    for (; i < hooks.Length; i++)
                    {
                        var hook = hooks[i];
                        if (!RunsInPass(hook, pass))
                        {
                            continue;
                        }

                        context ??= InlineContext(stage, output);
                        if (!traced && hook.InvokeSynchronously is { } invoke)
                        {
                            invoke(context);
                            continue;
                        }

                        var outcome = InvokeInline(hook, context, traced);
                        if (!outcome.IsCompleted)
                        {
                            return ContinueStageAsync(hooks, stage, output, traced, pass, i, outcome);
                        }

                        if (outcome.Result == HookEventKind.Rejected)
                        {
                            return new(false);
                        }
                    }
                }

                break;
            }
            catch (Exception exception) when (!IsRunCancellation(exception))
            {
                // Only a synchronous hook called in the loop gets here: InvokeInline handles its own hook's exceptions.
                if (Failed(hooks[i], exception, activity: null) == HookEventKind.Rejected)
                {
                    return new(false);
                }

                i++;
            }
        }

        TakeBackground(hooks, stage, output);
        return new(true);
    }

    /// <summary>The rest of a stage once hook <paramref name="index"/> of <paramref name="pass"/> did not complete synchronously.</summary>
    private async ValueTask<bool> ContinueStageAsync(HookDescriptor[] hooks, HookStage stage, RunOutput? output, bool traced, int pass, int index, ValueTask<HookEventKind> pending)
    {
        if (await pending.ConfigureAwait(false) == HookEventKind.Rejected)
        {
            return false;
        }

        var context = InlineContext(stage, output);
        for (var next = index + 1; pass < 2; pass++, next = 0)
        {
            for (var i = next; i < hooks.Length; i++)
            {
                var hook = hooks[i];
                if (RunsInPass(hook, pass) && await InvokeInline(hook, context, traced).ConfigureAwait(false) == HookEventKind.Rejected)
                {
                    return false;
                }
            }
        }

        TakeBackground(hooks, stage, output);
        return true;
    }

    private async IAsyncEnumerable<HookEvent> StreamStageAsync(HookStage stage, RunOutput? output)
    {
        var hooks = Hooks(stage);
        var traced = AgnoHooksTelemetry.Source.HasListeners();
        HookContext? context = null;
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var hook in hooks)
            {
                if (!RunsInPass(hook, pass))
                {
                    continue;
                }

                yield return new HookEvent(HookEventKind.Started, stage, hook);
                var outcome = await InvokeInline(hook, context ??= InlineContext(stage, output), traced).ConfigureAwait(false);
                yield return new HookEvent(outcome, stage, hook);
                if (outcome == HookEventKind.Rejected)
                {
                    yield break;
                }
            }
        }

        TakeBackground(hooks, stage, output);
    }

    /// <summary>
    /// Runs one inline hook; completes synchronously when the hook does. A span per hook only when
    /// <paramref name="traced"/> (a listener was attached when the stage began): without one, a synchronous hook
    /// costs a delegate call, with no state machine, span check or event.
    /// </summary>
    private ValueTask<HookEventKind> InvokeInline(HookDescriptor hook, HookContext context, bool traced)
    {
        if (traced)
        {
            return InvokeTracedAsync(hook, context);
        }

        ValueTask pending;
        try
        {
            if (hook.InvokeSynchronously is { } invoke)
            {
                invoke(context);
                return new(HookEventKind.Completed);
            }

            pending = hook.Invoke(context);
            if (pending.IsCompletedSuccessfully)
            {
                pending.GetAwaiter().GetResult();
                return new(HookEventKind.Completed);
            }
        }
        catch (Exception exception) when (!IsRunCancellation(exception))
        {
            return new(Failed(hook, exception, activity: null));
        }

        return AwaitInlineAsync(hook, pending);
    }

    private async ValueTask<HookEventKind> AwaitInlineAsync(HookDescriptor hook, ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
            return HookEventKind.Completed;
        }
        catch (Exception exception) when (!IsRunCancellation(exception))
        {
            return Failed(hook, exception, activity: null);
        }
    }

    private async ValueTask<HookEventKind> InvokeTracedAsync(HookDescriptor hook, HookContext context)
    {
        using var activity = AgnoHooksTelemetry.StartInlineHook(hook, context.Stage, _trace?.Context ?? default);
        try
        {
            await hook.Invoke(context).ConfigureAwait(false);
            return HookEventKind.Completed;
        }
        catch (Exception exception) when (!IsRunCancellation(exception))
        {
            return Failed(hook, exception, activity);
        }
    }

    /// <summary>The run was cancelled: the hook's cancellation ends the run instead of counting as the hook's failure.</summary>
    private bool IsRunCancellation(Exception exception) => exception is OperationCanceledException && CancellationToken.IsCancellationRequested;

    /// <summary>A hook threw: a check rejects the run; anything else is logged and the run goes on.</summary>
    private HookEventKind Failed(HookDescriptor hook, Exception exception, Activity? activity)
    {
        if (exception is CheckException check)
        {
            Rejection = check;
            RejectedBy = hook;
            activity?.SetStatus(ActivityStatusCode.Error, check.Message);
            LogRejected(Pipeline.Logger, hook.Name, Run.RunId, check.Trigger.Id, check.Message);
            return HookEventKind.Rejected;
        }

        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        LogInlineFailed(Pipeline.Logger, exception, hook.Name, Run.RunId);
        return HookEventKind.Failed;
    }

    // Every inline hook of a stage sees the same arguments, so one context serves them all.
    private HookContext InlineContext(HookStage stage, RunOutput? output)
    {
        ref var cached = ref stage == HookStage.Pre ? ref _preContext : ref _postContext;
        if (cached is not null && ReferenceEquals(cached.Output, output))
        {
            return cached;
        }

        return cached = new HookContext(stage, Owner, Run, Input, output, Services, CancellationToken) { Session = Session };
    }

    /// <summary>
    /// After a stage's inline hooks: the pre stage's background copies are taken now; the post stage's once the run's
    /// final status and duration are set (<see cref="FinishAsync"/>), so background post-hooks see the finished run.
    /// </summary>
    private void TakeBackground(HookDescriptor[] hooks, HookStage stage, RunOutput? output)
    {
        if (stage == HookStage.Post)
        {
            _postHooks = hooks;
            return;
        }

        CaptureBackground(hooks, stage, output);
    }

    /// <summary>
    /// Takes the copies for the background hooks of a stage now, after its inline hooks (guardrails included)
    /// have run, so their edits carry through and later edits don't.
    /// </summary>
    private void CaptureBackground(HookDescriptor[] hooks, HookStage stage, RunOutput? output)
    {
        if (Rejection is not null)
        {
            return;
        }

        List<BackgroundHookWorkItem>? items = null;
        foreach (var hook in hooks)
        {
            if (IsBackground(hook, RunHooksInBackground))
            {
                var run = Run.Clone();
                (items ??= []).Add(new BackgroundHookWorkItem(hook, Owner, stage, run, Input.Clone(run), output?.Clone(run), _trace?.TraceParent));
            }
        }

        if (items is not null)
        {
            Collect(items);
        }
    }

    private void Collect(List<BackgroundHookWorkItem> items)
    {
        while (true)
        {
            var batch = Volatile.Read(ref _batch);
            if (batch == HandedOver)
            {
                throw new InvalidOperationException($"Run '{Run.RunId}' of '{Owner.Id}' has already completed: a nested run must complete before its parent.");
            }

            List<BackgroundHookWorkItem> next = batch is null ? items : [.. batch, .. items];
            if (Interlocked.CompareExchange(ref _batch, next, batch) == batch)
            {
                return;
            }
        }
    }

    /// <summary>The trace of a run's span (or of the ambient one): what its hook spans and background executions join.</summary>
    private sealed record RunTrace(ActivityContext Context, string? TraceParent);

    [LoggerMessage(LogEvents.RunRejected, LogLevel.Information, "Hook '{HookName}' rejected run '{RunId}' ({Trigger}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string hookName, string runId, string trigger, string reason);

    [LoggerMessage(LogEvents.InlineHookFailed, LogLevel.Error, "Hook '{HookName}' of run '{RunId}' failed; the run goes on.")]
    private static partial void LogInlineFailed(ILogger logger, Exception exception, string hookName, string runId);
}
