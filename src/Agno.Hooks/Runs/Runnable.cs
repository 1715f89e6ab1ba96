using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Agno.Hooks;

/// <summary>
/// What agents, teams and workflows share: an id, hooks, services, and a run with Agno's hook semantics.
/// A run is: inline pre-hooks (guardrails first), copies for background pre-hooks, the owner's own work,
/// inline post-hooks, copies for background post-hooks, then the background hooks go to the run's queue
/// unless a check rejected the run.
/// </summary>
public abstract class Runnable : IHookOwner
{
    private RunEnvironment? _environment;

    private protected Runnable(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        PreHooks = new HookList(this, HookStage.Pre);
        PostHooks = new HookList(this, HookStage.Post);
    }

    public string Id { get; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public HookList PreHooks { get; }

    public HookList PostHooks { get; }

    /// <summary>
    /// Where hooks resolve services, and where the run finds its <see cref="BackgroundHookExecutor"/>,
    /// options, logger and clock. Set by <c>services.AddAgent(...)</c> and by AgentOS.
    /// </summary>
    public IServiceProvider? Services { get; set; }

    public abstract HookOwnerKind Kind { get; }

    /// <summary>Owners that run inside this one (a team's members, a workflow's steps).</summary>
    public virtual IEnumerable<IHookOwner> Children => [];

    /// <summary>The span name's operation, after OpenTelemetry's GenAI conventions.</summary>
    private protected virtual string Operation => "invoke_agent";

    /// <summary>Runs it. A check that rejects the run gives an output with status Error; it is not thrown.</summary>
    public async Task<RunOutput> RunAsync(string message, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        RunOutput? output = null;
        await foreach (var runEvent in RunCoreAsync(message, options, streaming: false, cancellationToken).ConfigureAwait(false))
        {
            output = runEvent.Output;
        }

        return output!;
    }

    /// <summary>
    /// Runs it, streaming Agno's events: RunStarted, PreHookStarted/Completed per inline pre-hook, the
    /// owner's own events, PostHookStarted/Completed per inline post-hook, then RunCompleted or RunError.
    /// </summary>
    public IAsyncEnumerable<RunEvent> RunStreamingAsync(string message, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunCoreAsync(message, options, streaming: true, cancellationToken);

    /// <summary>Creates the output with the identity fields set; teams and workflows return their own kinds.</summary>
    private protected virtual RunOutput CreateOutput(RunContext run, DateTimeOffset createdAt) => new(run, this, createdAt);

    /// <summary>
    /// The owner's own work between the pre-hooks and the post-hooks. It sets the output's content, or
    /// marks the output as failed with <see cref="RunScope.Fail"/>, and yields its events when streaming.
    /// </summary>
    private protected abstract IAsyncEnumerable<RunEvent> ExecuteAsync(RunScope scope);

    internal async IAsyncEnumerable<RunEvent> RunCoreAsync(string message, RunOptions? options, bool streaming, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        options ??= new RunOptions();
        var services = options.Services ?? Services ?? EmptyServiceProvider.Instance;
        var source = Services ?? services;

        // Resolved once per provider, not on every run; a lost race only resolves it twice.
        var environment = _environment is { } known && ReferenceEquals(known.Source, source) ? known : _environment = RunEnvironment.From(source);
        var runHooksInBackground = options.RunHooksInBackground ?? environment.Options.RunHooksInBackground;
        var queue = options.BackgroundQueue ?? environment.Queue;
        if (queue is null && HookRunner.HasBackgroundHooks(this, runHooksInBackground))
        {
            throw new InvalidOperationException($"'{Id}' has background hooks but no queue to run them: call services.AddAgnoHooks() and set its Services (services.AddAgent does), or pass RunOptions.BackgroundQueue.");
        }

        var run = new RunContext(NonEmptyOr(options.RunId), NonEmptyOr(options.SessionId), options.UserId)
        {
            Metadata = options.Metadata ?? [],
            SessionState = options.SessionState ?? [],
            Arguments = options.Arguments ?? [],
        };
        var input = new RunInput(message)
        {
            Messages = options.Messages is null ? [] : [.. options.Messages],
            Metadata = run.Metadata,
            SessionState = run.SessionState,
        };
        var output = CreateOutput(run, environment.Time.GetUtcNow());
        output.Input = input;

        using var activity = StartRunActivity(run);
        var hooks = new HookRunner(this, run, input, services, runHooksInBackground, environment.Logger, activity, cancellationToken);
        var scope = new RunScope(this, options, run, input, output, hooks, environment, services, streaming, activity, cancellationToken);
        if (streaming)
        {
            yield return scope.Event(RunEventKind.RunStarted);
        }

        foreach (var hook in hooks.InlineHooks(PreHooks))
        {
            if (streaming)
            {
                yield return scope.Event(RunEventKind.PreHookStarted, hookName: hook.Name, input: input);
            }

            var outcome = await hooks.InvokeInlineAsync(hook, HookStage.Pre, output: null).ConfigureAwait(false);
            if (outcome == InlineHookOutcome.Rejected)
            {
                yield return scope.Finish();
                yield break;
            }

            if (streaming && outcome == InlineHookOutcome.Succeeded)
            {
                yield return scope.Event(RunEventKind.PreHookCompleted, hookName: hook.Name, input: input);
            }
        }

        hooks.CaptureBackground(PreHooks, HookStage.Pre, output: null);

        await foreach (var ownEvent in ExecuteAsync(scope).ConfigureAwait(false))
        {
            yield return ownEvent;
        }

        if (output.Status == RunStatus.Error)
        {
            // A failure is not a rejection: hooks that already passed the guardrails still run.
            await hooks.QueueBackgroundAsync(queue).ConfigureAwait(false);
            yield return scope.Finish();
            yield break;
        }

        foreach (var hook in hooks.InlineHooks(PostHooks))
        {
            if (streaming)
            {
                yield return scope.Event(RunEventKind.PostHookStarted, hookName: hook.Name);
            }

            var outcome = await hooks.InvokeInlineAsync(hook, HookStage.Post, output).ConfigureAwait(false);
            if (outcome == InlineHookOutcome.Rejected)
            {
                yield return scope.Finish();
                yield break;
            }

            if (streaming && outcome == InlineHookOutcome.Succeeded)
            {
                yield return scope.Event(RunEventKind.PostHookCompleted, hookName: hook.Name);
            }
        }

        output.Status = RunStatus.Completed;
        output.Metrics.Duration = environment.Time.GetElapsedTime(scope.StartedAt);
        hooks.CaptureBackground(PostHooks, HookStage.Post, output);

        // Queued before the last event: a consumer may stop reading once it has it.
        await hooks.QueueBackgroundAsync(queue).ConfigureAwait(false);
        activity?.SetStatus(ActivityStatusCode.Ok);
        yield return scope.Event(RunEventKind.RunCompleted, content: output.Content);
    }

    private Activity? StartRunActivity(RunContext run)
    {
        var activity = AgnoHooksTelemetry.Source.StartActivity($"{Operation} {Name ?? Id}");
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("gen_ai.operation.name", Operation);
        activity.SetTag("gen_ai.agent.id", Id);
        activity.SetTag("gen_ai.agent.name", Name);
        activity.SetTag("gen_ai.conversation.id", run.SessionId);
        activity.SetTag(AgnoHooksTelemetry.RunIdTag, run.RunId);
        return activity;
    }

    private static string NonEmptyOr(string? id) => string.IsNullOrEmpty(id) ? Guid.NewGuid().ToString() : id;
}
