using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>How an inline hook ended.</summary>
internal enum InlineHookOutcome
{
    Succeeded,

    /// <summary>It threw something other than a check: logged, and the run goes on.</summary>
    Failed,

    /// <summary>It threw a <see cref="CheckException"/>: the run ends with status Error.</summary>
    Rejected,
}

/// <summary>
/// The hook semantics of one run, shared by agents, teams and workflows: which hooks run inline and in
/// what order, how inline failures are treated, and the copies background hooks get.
/// </summary>
internal sealed partial class HookRunner : IBackgroundHookQueue
{
    private readonly IHookOwner _owner;
    private readonly IServiceProvider _services;
    private readonly bool _runHooksInBackground;
    private readonly ILogger _logger;
    private readonly CancellationToken _cancellationToken;
    // Passed explicitly: Activity.Current does not survive the yields of a streamed run.
    private readonly ActivityContext _runActivity;
    private readonly Lock _backgroundLock = new();
    private List<BackgroundHookWorkItem>? _background;
    private HookContext? _preContext;
    private HookContext? _postContext;

    public HookRunner(IHookOwner owner, RunContext run, RunInput input, IServiceProvider services, bool runHooksInBackground, ILogger logger, Activity? runActivity, CancellationToken cancellationToken)
    {
        _runActivity = runActivity?.Context ?? default;
        _owner = owner;
        Run = run;
        Input = input;
        _services = services;
        _runHooksInBackground = runHooksInBackground;
        _logger = logger;
        _cancellationToken = cancellationToken;
    }

    public RunContext Run { get; }

    public bool RunHooksInBackground => _runHooksInBackground;

    public RunInput Input { get; }

    /// <summary>The check that rejected the run, once one has.</summary>
    public CheckException? Rejection { get; private set; }

    public bool IsBackground(HookDescriptor hook) => !hook.Guardrail && (hook.RunInBackground || _runHooksInBackground);

    /// <summary>True when any hook of <paramref name="owner"/> or of the owners inside it would go to the background under this setting.</summary>
    public static bool HasBackgroundHooks(IHookOwner owner, bool runHooksInBackground)
    {
        foreach (var hook in owner.PreHooks.Concat(owner.PostHooks))
        {
            if (!hook.Guardrail && (hook.RunInBackground || runHooksInBackground))
            {
                return true;
            }
        }

        return owner.Children.Any(child => HasBackgroundHooks(child, runHooksInBackground));
    }

    /// <summary>Collects the background hooks of runs nested in this one (members, steps), to queue with this run's own.</summary>
    public ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default)
    {
        lock (_backgroundLock)
        {
            (_background ??= []).Add(item);
        }

        return default;
    }

    /// <summary>The hooks of <paramref name="hooks"/> that run inline: guardrails first, then the rest, each in list order.</summary>
    public IEnumerable<HookDescriptor> InlineHooks(HookList hooks)
    {
        foreach (var hook in hooks)
        {
            if (hook.Guardrail)
            {
                yield return hook;
            }
        }

        foreach (var hook in hooks)
        {
            if (!hook.Guardrail && !IsBackground(hook))
            {
                yield return hook;
            }
        }
    }

    public async ValueTask<InlineHookOutcome> InvokeInlineAsync(HookDescriptor hook, HookStage stage, RunOutput? output)
    {
        using var activity = AgnoHooksTelemetry.StartInlineHook(hook, stage, _runActivity);
        try
        {
            await hook.Invoke(InlineContext(stage, output)).ConfigureAwait(false);
            return InlineHookOutcome.Succeeded;
        }
        catch (CheckException check)
        {
            Rejection = check;
            activity?.SetStatus(ActivityStatusCode.Error, check.Message);
            LogRejected(hook.Name, Run.RunId, check.Trigger.Id, check.Message);
            return InlineHookOutcome.Rejected;
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            LogInlineFailed(exception, hook.Name, Run.RunId);
            return InlineHookOutcome.Failed;
        }
    }

    // Every inline hook of a stage sees the same arguments, so one context serves them all.
    private HookContext InlineContext(HookStage stage, RunOutput? output)
    {
        var cached = stage == HookStage.Pre ? _preContext : _postContext;
        if (cached is not null && ReferenceEquals(cached.Output, output))
        {
            return cached;
        }

        var context = new HookContext(stage, _owner, Run, Input, output, _services, _cancellationToken);
        if (stage == HookStage.Pre)
        {
            _preContext = context;
        }
        else
        {
            _postContext = context;
        }

        return context;
    }

    /// <summary>
    /// Takes the copies for the background hooks of <paramref name="hooks"/> now, after the inline ones
    /// (guardrails included) have run, so their edits carry through and later edits don't.
    /// </summary>
    public void CaptureBackground(HookList hooks, HookStage stage, RunOutput? output)
    {
        foreach (var hook in hooks)
        {
            if (!IsBackground(hook))
            {
                continue;
            }

            var run = Run.Clone();
            var context = new HookContext(stage, _owner, run, Input.Clone(run), output?.Clone(run), EmptyServiceProvider.Instance, CancellationToken.None);
            _ = EnqueueAsync(new BackgroundHookWorkItem(hook, context, _runActivity));
        }
    }

    /// <summary>Hands the captured background hooks to <paramref name="queue"/>, unless a check rejected the run.</summary>
    public async ValueTask QueueBackgroundAsync(IBackgroundHookQueue? queue)
    {
        if (_background is null || Rejection is not null)
        {
            return;
        }

        // The run checked before it started that an owner with background hooks has a queue.
        ArgumentNullException.ThrowIfNull(queue);

        foreach (var item in _background)
        {
            await queue.EnqueueAsync(item, _cancellationToken).ConfigureAwait(false);
        }

        _background = null;
    }

    /// <summary>Marks <paramref name="output"/> as rejected by <see cref="Rejection"/>, in Agno's error fields.</summary>
    public void ApplyRejection(RunOutput output)
    {
        var check = Rejection!;
        output.Status = RunStatus.Error;
        output.Content = check.Message;
        output.ErrorType = check.ErrorType;
        output.ErrorId = check.Trigger.Id;
        output.ErrorData = check.AdditionalData;
    }

    [LoggerMessage(20, LogLevel.Information, "Hook '{HookName}' rejected run '{RunId}' ({Trigger}): {Reason}")]
    private partial void LogRejected(string hookName, string runId, string trigger, string reason);

    [LoggerMessage(21, LogLevel.Error, "Hook '{HookName}' of run '{RunId}' failed; the run goes on.")]
    private partial void LogInlineFailed(Exception exception, string hookName, string runId);
}
