namespace Agno.Hooks;

/// <summary>
/// What agents, teams and workflows share: an id, hooks, services, and a run with Agno's hook semantics, driven by
/// <see cref="HookPipeline.RunAsync"/> around the owner's own work, as any other owner's run is.
/// </summary>
public abstract class Runnable : IHookOwner
{
    private ResolvedPipeline? _pipeline;
    private RunWork? _work;

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

    /// <summary>Runs it. A check that rejects the run gives an output with status Error; it is not thrown.</summary>
    public Task<RunOutput> RunAsync(string message, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        PipelineFor(options).RunAsync(this, message, Work, options, cancellationToken);

    /// <summary>
    /// Runs it, streaming Agno's events: RunStarted, PreHookStarted/Completed per inline pre-hook, the
    /// owner's own events, PostHookStarted/Completed per inline post-hook, then RunCompleted or RunError.
    /// </summary>
    public IAsyncEnumerable<RunEvent> RunStreamingAsync(string message, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        PipelineFor(options).RunStreamingAsync(this, message, Work, options, cancellationToken);

    /// <summary>Creates the output with the identity fields set; teams and workflows return their own kinds.</summary>
    private protected virtual RunOutput CreateOutput(HookRun run) => new(run.Run, this, run.Pipeline.Time.GetUtcNow());

    /// <summary>The owner's own work, not streamed; by default <see cref="ExecuteStreamingAsync"/> with its events dropped.</summary>
    private protected virtual ValueTask ExecuteAsync(HookRun run) => RunWork.DrainAsync(ExecuteStreamingAsync(run));

    /// <summary>
    /// The owner's own work between the pre-hooks and the post-hooks. It sets the output's content, or
    /// marks the run as failed with <see cref="HookRun.Fail"/>, and yields its events when streaming.
    /// </summary>
    private protected abstract IAsyncEnumerable<RunEvent> ExecuteStreamingAsync(HookRun run);

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

    private RunWork Work => _work ??= new OwnWork(this);

    // The services' pipeline, resolved once per provider, not on every run; a lost race only resolves it twice.
    private HookPipeline PipelineFor(RunOptions? options)
    {
        var source = Services ?? options?.Services ?? options?.Parent?.Services;
        if (_pipeline is { } known && ReferenceEquals(known.Source, source))
        {
            return known.Pipeline;
        }

        var pipeline = HookPipeline.From(source);
        _pipeline = new ResolvedPipeline(source, pipeline);
        return pipeline;
    }

    /// <summary>The owner's work for the driver: the output of its kind (after the set-up check), its work streamed or not.</summary>
    private sealed class OwnWork(Runnable owner) : RunWork
    {
        public override RunOutput CreateOutput(HookRun run)
        {
            if (owner.ConfigurationProblem is { } problem)
            {
                throw new InvalidOperationException(problem);
            }

            var output = owner.CreateOutput(run);
            output.Input = run.Input;
            return output;
        }

        public override ValueTask ExecuteAsync(HookRun run) => owner.ExecuteAsync(run);

        public override IAsyncEnumerable<RunEvent> ExecuteStreamingAsync(HookRun run) => owner.ExecuteStreamingAsync(run);
    }

    private sealed record ResolvedPipeline(IServiceProvider? Source, HookPipeline Pipeline);
}
