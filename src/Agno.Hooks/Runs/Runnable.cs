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
    private ResolvedPipeline? _pipeline;

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
    /// Where hooks resolve services, and where the run finds its <see cref="HookPipeline"/> (settings, background
    /// queue, logger and clock). Set by <c>services.AddAgent(...)</c> and by AgentOS.
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

    /// <summary>What is wrong with this owner's set-up (a missing model, say), or null; checked when it is registered and when it runs.</summary>
    internal virtual string? ConfigurationProblem => null;

    /// <summary>Throws when <see cref="ConfigurationProblem"/> names something; members and steps included.</summary>
    internal void EnsureConfigured()
    {
        if (ConfigurationProblem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        foreach (var child in Children)
        {
            (child as Runnable)?.EnsureConfigured();
        }
    }

    private async IAsyncEnumerable<RunEvent> RunCoreAsync(string message, RunOptions? options, bool streaming, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ConfigurationProblem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        options ??= new RunOptions();
        var services = options.Services ?? options.Parent?.Services ?? Services ?? EmptyServiceProvider.Instance;
        var pipeline = Pipeline(Services ?? services);
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
        var output = CreateOutput(run, pipeline.Time.GetUtcNow());
        output.Input = input;

        using var activity = StartRunActivity(run);
        var hooks = pipeline.StartRun(this, run, input, new HookRunOptions
        {
            Services = services,
            RunHooksInBackground = options.RunHooksInBackground,
            Background = options.BackgroundQueue,
            Parent = options.Parent,
            PreHooks = options.PreHooks,
            PostHooks = options.PostHooks,
        }, cancellationToken);
        var scope = new RunScope(this, options, run, input, output, hooks, pipeline, streaming, activity, cancellationToken);
        if (streaming)
        {
            yield return scope.Event(RunEventKind.RunStarted);
            await foreach (var hookEvent in hooks.StreamPreHooksAsync().ConfigureAwait(false))
            {
                if (scope.HookEvent(hookEvent) is { } runEvent)
                {
                    yield return runEvent;
                }
            }
        }
        else
        {
            await hooks.ExecutePreHooksAsync().ConfigureAwait(false);
        }

        if (hooks.IsRejected)
        {
            yield return scope.Finish();
            yield break;
        }

        await foreach (var ownEvent in ExecuteAsync(scope).ConfigureAwait(false))
        {
            yield return ownEvent;
        }

        if (output.Status == RunStatus.Error)
        {
            // A failure is not a rejection: hooks that already passed the guardrails still run.
            await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
            yield return scope.Finish();
            yield break;
        }

        if (streaming)
        {
            await foreach (var hookEvent in hooks.StreamPostHooksAsync(output).ConfigureAwait(false))
            {
                if (scope.HookEvent(hookEvent) is { } runEvent)
                {
                    yield return runEvent;
                }
            }
        }
        else
        {
            await hooks.ExecutePostHooksAsync(output).ConfigureAwait(false);
        }

        if (hooks.IsRejected)
        {
            yield return scope.Finish();
            yield break;
        }

        output.Status = RunStatus.Completed;
        output.Metrics.Duration = pipeline.Time.GetElapsedTime(scope.StartedAt);

        // Handed over before the last event: a consumer may stop reading once it has it.
        await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
        activity?.SetStatus(ActivityStatusCode.Ok);
        yield return scope.Event(RunEventKind.RunCompleted, content: output.Content);
    }

    // Resolved once per provider, not on every run; a lost race only resolves it twice.
    private HookPipeline Pipeline(IServiceProvider source)
    {
        if (_pipeline is { } known && ReferenceEquals(known.Source, source))
        {
            return known.Pipeline;
        }

        var pipeline = HookPipeline.From(source);
        _pipeline = new ResolvedPipeline(source, pipeline);
        return pipeline;
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

    private sealed record ResolvedPipeline(IServiceProvider Source, HookPipeline Pipeline);
}
