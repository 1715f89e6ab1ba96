namespace Agno.Hooks.CustomOwner.Tests.Support;

/// <summary>
/// A hook owner that is not one of Agno.Hooks' own. It writes none of the run sequence: the public driver
/// (<see cref="HookPipeline.RunAsync"/>, <see cref="HookPipeline.RunStreamingAsync"/>) runs its hooks around its
/// <see cref="RunWork"/>, sets the final status and duration, and hands the background work over, as it does for
/// Agent, Team and Workflow.
/// </summary>
public abstract class FuncOwner : IHookOwner
{
    private readonly RunWork _work;

    protected FuncOwner(string id, HookPipeline pipeline, IServiceProvider? services)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        Services = services;
        PreHooks = new HookList(this, HookStage.Pre);
        PostHooks = new HookList(this, HookStage.Post);
        _work = RunWork.FromAnswer(AnswerOrFailAsync);
    }

    public string Id { get; }

    public string? Name { get; init; }

    /// <summary>Not an agent, team or workflow: hooks that bind one of those can't be attached.</summary>
    public HookOwnerKind Kind => HookOwnerKind.Any;

    public HookList PreHooks { get; }

    public HookList PostHooks { get; }

    public virtual IEnumerable<IHookOwner> Children => [];

    public HookPipeline Pipeline { get; }

    /// <summary>What inline hooks resolve services from, unless the run names its own.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>Runs it; a check that rejects the run gives an output with status Error.</summary>
    public Task<RunOutput> RunAsync(string message, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        Pipeline.RunAsync(this, message, _work, WithServices(options), cancellationToken);

    /// <summary>Runs it, streaming Agno's events: hook events for inline hooks only, as Agno streams them.</summary>
    public IAsyncEnumerable<RunEvent> RunStreamingAsync(string message, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        Pipeline.RunStreamingAsync(this, message, _work, WithServices(options), cancellationToken);

    /// <summary>The owner's own work on the input as the inline pre-hooks left it; <paramref name="run"/> is the parent of nested runs.</summary>
    protected abstract Task<string> AnswerAsync(string content, HookRun run, CancellationToken cancellationToken);

    private RunOptions WithServices(RunOptions? options) => (options ?? new RunOptions()) with { Services = options?.Services ?? Services };

    // A failure is not a rejection: the driver still hands over the background work of hooks that already ran.
    private async ValueTask<string> AnswerOrFailAsync(HookRun run)
    {
        try
        {
            return await AnswerAsync(run.Input.Content, run, run.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            run.Fail("func_error", exception.Message);
            return exception.Message;
        }
    }
}

/// <summary>An "agent" that is a plain function of the input.</summary>
public sealed class FuncAgent(string id, Func<string, CancellationToken, Task<string>> answer, HookPipeline pipeline, IServiceProvider? services = null)
    : FuncOwner(id, pipeline, services)
{
    protected override Task<string> AnswerAsync(string content, HookRun run, CancellationToken cancellationToken) => answer(content, cancellationToken);
}
