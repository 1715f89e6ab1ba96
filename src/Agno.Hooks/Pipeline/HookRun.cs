using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>
/// The hooks of one run, with Agno's semantics, for any owner. The caller drives it:
/// <list type="number">
/// <item><see cref="ExecutePreHooksAsync"/> (or <see cref="StreamPreHooksAsync"/>): guardrails first, then the other
/// inline pre-hooks in list order; then the background pre-hooks' copies are taken.</item>
/// <item>The owner's own work, on <see cref="Input"/>, unless <see cref="IsRejected"/>.</item>
/// <item><see cref="ExecutePostHooksAsync"/> (or <see cref="StreamPostHooksAsync"/>) on the output, likewise.</item>
/// <item><see cref="CompleteAsync"/>: the background work goes to its destination, unless a check rejected the run.</item>
/// </list>
/// Started by <see cref="HookPipeline.StartRun"/>.
/// </summary>
public sealed partial class HookRun
{
    private readonly HookPipeline _pipeline;
    private readonly IBackgroundHookQueue? _destination;
    private readonly HookRun? _parent;
    private readonly IReadOnlyList<HookDescriptor>? _outerPreHooks;
    private readonly IReadOnlyList<HookDescriptor>? _outerPostHooks;
    private readonly CancellationToken _cancellationToken;

    // Passed explicitly: Activity.Current does not survive the yields of a streamed run.
    private readonly ActivityContext _runActivity;
    private readonly string? _traceParent;
    private readonly Lock _batchLock = new();
    private List<BackgroundHookWorkItem>? _batch;
    private HookContext? _preContext;
    private HookContext? _postContext;
    private bool _completed;

    internal HookRun(HookPipeline pipeline, IHookOwner owner, RunContext run, RunInput input, IServiceProvider services, bool runHooksInBackground, IBackgroundHookQueue? destination, HookRun? parent, HookRunOptions? options, Activity? runActivity, CancellationToken cancellationToken)
    {
        _outerPreHooks = options?.PreHooks;
        _outerPostHooks = options?.PostHooks;
        _pipeline = pipeline;
        Owner = owner;
        Run = run;
        Input = input;
        Services = services;
        RunHooksInBackground = runHooksInBackground;
        _destination = destination;
        _parent = parent;
        _runActivity = runActivity?.Context ?? parent?._runActivity ?? default;
        _traceParent = runActivity?.Id ?? parent?._traceParent;
        _cancellationToken = cancellationToken;
    }

    public IHookOwner Owner { get; }

    public RunContext Run { get; }

    public RunInput Input { get; }

    /// <summary>The session object of the owner's runtime, for inline hooks that bind it; see <see cref="HookRunOptions.Session"/>.</summary>
    public object? Session { get; init; }

    /// <summary>What inline hooks resolve services from.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Whether every hook that is not a guardrail runs in the background.</summary>
    public bool RunHooksInBackground { get; }

    /// <summary>The check that rejected the run, once one has.</summary>
    public CheckException? Rejection { get; private set; }

    public bool IsRejected => Rejection is not null;

    /// <summary>Background executions taken so far and not yet handed over.</summary>
    public int PendingBackgroundCount
    {
        get
        {
            lock (_batchLock)
            {
                return _batch?.Count ?? 0;
            }
        }
    }

    /// <summary>Whether <paramref name="hook"/> runs in the background under <paramref name="runHooksInBackground"/>.</summary>
    public static bool IsBackground(HookDescriptor hook, bool runHooksInBackground)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return !hook.Guardrail && (hook.RunInBackground || runHooksInBackground);
    }

    /// <summary>Runs the inline pre-hooks; false when a check rejected the run. Then takes the background pre-hooks' copies.</summary>
    public ValueTask<bool> ExecutePreHooksAsync() => ExecuteStageAsync(HookStage.Pre, output: null);

    /// <summary>Runs the inline post-hooks on <paramref name="output"/>; false when a check rejected the run. Then takes the background post-hooks' copies.</summary>
    public ValueTask<bool> ExecutePostHooksAsync(RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return ExecuteStageAsync(HookStage.Post, output);
    }

    /// <summary>As <see cref="ExecutePreHooksAsync"/>, telling each hook's start and end as it happens.</summary>
    public IAsyncEnumerable<HookEvent> StreamPreHooksAsync() => StreamStageAsync(HookStage.Pre, output: null);

    /// <summary>As <see cref="ExecutePostHooksAsync"/>, telling each hook's start and end as it happens.</summary>
    public IAsyncEnumerable<HookEvent> StreamPostHooksAsync(RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return StreamStageAsync(HookStage.Post, output);
    }

    /// <summary>
    /// Hands the run's background work over, unless a check rejected the run: to the parent run's batch for a
    /// nested run, otherwise to the run's destination. Call it once the response is done (or, with a
    /// <see cref="DeferredBackgroundHookQueue"/>, before the last event). Returns how many executions went.
    /// </summary>
    public async ValueTask<int> CompleteAsync(CancellationToken cancellationToken = default)
    {
        List<BackgroundHookWorkItem>? batch;
        lock (_batchLock)
        {
            batch = _completed ? null : _batch;
            _batch = null;
            _completed = true;
        }

        if (batch is null || Rejection is not null)
        {
            return 0;
        }

        if (_parent is not null)
        {
            _parent.Collect(batch);
            return batch.Count;
        }

        // StartRun checked that a run with background hooks has a destination.
        foreach (var item in batch)
        {
            await _destination!.EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
        }

        return batch.Count;
    }

    /// <summary>Writes the rejection into <paramref name="output"/>: status Error and Agno's error fields.</summary>
    public void ApplyRejection(RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var check = Rejection ?? throw new InvalidOperationException("The run was not rejected.");
        output.Status = RunStatus.Error;
        output.Content = check.Message;
        output.ErrorType = check.ErrorType;
        output.ErrorId = check.Trigger.Id;
        output.ErrorData = check.AdditionalData;
    }

    /// <summary>
    /// Whether <paramref name="hook"/> runs inline in <paramref name="pass"/> of a stage: guardrails in pass 0, the other
    /// inline hooks in pass 1, so guardrails come first and each kind keeps its list order.
    /// </summary>
    private bool RunsInPass(HookDescriptor hook, int pass) =>
        pass == 0 ? hook.Guardrail : !hook.Guardrail && !IsBackground(hook, RunHooksInBackground);

    /// <summary>A stage's hooks: the run-wide pre-hooks before the owner's own, the run-wide post-hooks after.</summary>
    private HookDescriptor[] Hooks(HookStage stage) => stage == HookStage.Pre
        ? _outerPreHooks is { Count: > 0 } outerPre ? [.. outerPre, .. Owner.PreHooks.Snapshot()] : Owner.PreHooks.Snapshot()
        : _outerPostHooks is { Count: > 0 } outerPost ? [.. Owner.PostHooks.Snapshot(), .. outerPost] : Owner.PostHooks.Snapshot();

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

        CaptureBackground(hooks, stage, output);
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

        CaptureBackground(hooks, stage, output);
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

        CaptureBackground(hooks, stage, output);
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
        using var activity = AgnoHooksTelemetry.StartInlineHook(hook, context.Stage, _runActivity);
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
    private bool IsRunCancellation(Exception exception) => exception is OperationCanceledException && _cancellationToken.IsCancellationRequested;

    /// <summary>A hook threw: a check rejects the run; anything else is logged and the run goes on.</summary>
    private HookEventKind Failed(HookDescriptor hook, Exception exception, Activity? activity)
    {
        if (exception is CheckException check)
        {
            Rejection = check;
            activity?.SetStatus(ActivityStatusCode.Error, check.Message);
            LogRejected(_pipeline.Logger, hook.Name, Run.RunId, check.Trigger.Id, check.Message);
            return HookEventKind.Rejected;
        }

        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        LogInlineFailed(_pipeline.Logger, exception, hook.Name, Run.RunId);
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

        return cached = new HookContext(stage, Owner, Run, Input, output, Services, _cancellationToken) { Session = Session };
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

        foreach (var hook in hooks)
        {
            if (IsBackground(hook, RunHooksInBackground))
            {
                var run = Run.Clone();
                Collect([new BackgroundHookWorkItem(hook, Owner, stage, run, Input.Clone(run), output?.Clone(run), _traceParent)]);
            }
        }
    }

    private void Collect(List<BackgroundHookWorkItem> items)
    {
        lock (_batchLock)
        {
            if (_completed)
            {
                throw new InvalidOperationException($"Run '{Run.RunId}' of '{Owner.Id}' has already completed: a nested run must complete before its parent.");
            }

            (_batch ??= []).AddRange(items);
        }
    }

    [LoggerMessage(20, LogLevel.Information, "Hook '{HookName}' rejected run '{RunId}' ({Trigger}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string hookName, string runId, string trigger, string reason);

    [LoggerMessage(21, LogLevel.Error, "Hook '{HookName}' of run '{RunId}' failed; the run goes on.")]
    private static partial void LogInlineFailed(ILogger logger, Exception exception, string hookName, string runId);
}
